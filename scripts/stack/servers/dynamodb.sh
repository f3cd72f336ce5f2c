#!/usr/bin/env bash
# DynamoDB Local (with Streams on the same port), in memory, one shared database for every key and
# region, bound to loopback through the launcher compiled by install.sh. Sourced by up.sh.

dynamodb_start() {
  local port="$1"
  [[ -f "$DYNAMODB_CLASSES/LoopbackDynamoDbLocal.class" ]] ||
    stack_die "DynamoDB Local launcher not compiled; run: ./suite stack install"
  # Its working directory receives the metadata file DynamoDB Local writes on start.
  launch dynamodb "$STACK_HOME/dynamodb/work" "$port" \
    java -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Djava.library.path="$DYNAMODB_EMULATOR/DynamoDBLocal_lib" \
    -cp "$DYNAMODB_CLASSES:$DYNAMODB_EMULATOR/DynamoDBLocal.jar:$DYNAMODB_EMULATOR/DynamoDBLocal_lib/*" \
    LoopbackDynamoDbLocal -port "$port" -inMemory -sharedDb -disableTelemetry
}
