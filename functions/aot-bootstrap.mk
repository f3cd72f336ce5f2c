# Shared by every function's Makefile: `sam build` (BuildMethod makefile, BuildInSource) runs build-<LogicalId> in the
# function's folder with ARTIFACTS_DIR set. The function's shared projects sit in ../../shared, which is why the
# build runs in the source tree rather than in SAM's scratch copy of the folder.
REPO_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)

# SAM's makefile builder passes ARTIFACTS_DIR and nothing else (not the function's Architectures; aws-sam-cli issue
# 3349), while make reads its variables from the environment sam build runs in. So the architecture is this variable,
# defaulting like the template's Architecture parameter; for x86_64 say it to both:
#   LAMBDA_ARCHITECTURE=x86_64 sam build --parameter-overrides Architecture=x86_64
LAMBDA_ARCHITECTURE ?= arm64
RUNTIME_IDENTIFIER_arm64 := linux-arm64
RUNTIME_IDENTIFIER_x86_64 := linux-x64
RUNTIME_IDENTIFIER := $(RUNTIME_IDENTIFIER_$(LAMBDA_ARCHITECTURE))
HOST_ARCHITECTURE := $(patsubst aarch64,arm64,$(shell uname -m))

# $(1) = the function's assembly name. Publishes Native AOT (net10.0, from Directory.Build.props) for
# LAMBDA_ARCHITECTURE, installing the cross toolchain first when that is not this machine's architecture, and
# installs the executable as bootstrap.
define aot-bootstrap
$(if $(ARTIFACTS_DIR),,$(error ARTIFACTS_DIR is not set: run through sam build, or pass ARTIFACTS_DIR=<folder>))
$(if $(RUNTIME_IDENTIFIER),,$(error LAMBDA_ARCHITECTURE=$(LAMBDA_ARCHITECTURE) is not a Lambda architecture: use arm64 or x86_64, the value of the template's Architecture parameter))
$(if $(filter $(LAMBDA_ARCHITECTURE),$(HOST_ARCHITECTURE)),,bash "$(REPO_ROOT)/scripts/suite/cross-toolchain.sh")
dotnet publish "$(CURDIR)" -c Release -r $(RUNTIME_IDENTIFIER) -p:PublishAot=true -p:ArtifactsPath="$(REPO_ROOT)/artifacts/aot" -o "$(REPO_ROOT)/artifacts/package/$(LAMBDA_ARCHITECTURE)/$(1)" -nologo
mkdir -p "$(ARTIFACTS_DIR)"
cp "$(REPO_ROOT)/artifacts/package/$(LAMBDA_ARCHITECTURE)/$(1)/$(1)" "$(ARTIFACTS_DIR)/bootstrap"
chmod 755 "$(ARTIFACTS_DIR)/bootstrap"
endef
