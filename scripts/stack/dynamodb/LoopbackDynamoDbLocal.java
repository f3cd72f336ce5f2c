import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Starts DynamoDB Local (same arguments as its own ServerRunner) with the Jetty connector bound to one
 * host, 127.0.0.1 unless -Dsuite.bindHost says otherwise. DynamoDB Local's command line has no bind
 * option and listens on every interface; the stack must not expose it on a shared machine.
 */
public final class LoopbackDynamoDbLocal {
    private LoopbackDynamoDbLocal() {
    }

    public static void main(String[] args) throws Exception {
        String host = System.getProperty("suite.bindHost", "127.0.0.1");
        DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);

        // The Jetty server is a private field; the connector it built for the port is still unbound here.
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        Connector[] connectors = jetty.getConnectors();
        if (connectors.length == 0) {
            throw new IllegalStateException("DynamoDB Local built no connector to bind");
        }
        for (Connector connector : connectors) {
            if (!(connector instanceof ServerConnector)) {
                throw new IllegalStateException("Unexpected connector type " + connector.getClass().getName());
            }
            ((ServerConnector) connector).setHost(host);
        }

        proxy.start();
        if (!jetty.isStarted()) {
            // DynamoDBProxyServer.start reports a port it cannot bind on stderr and stops instead of throwing.
            System.exit(1);
        }
        System.out.println("LoopbackDynamoDbLocal: listening on " + host);
        proxy.join();
    }
}
