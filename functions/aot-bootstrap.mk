# Shared by every function's Makefile: `sam build` (BuildMethod makefile, BuildInSource) runs build-<LogicalId> in the
# function's folder with ARTIFACTS_DIR set. The function's shared projects sit in ../../shared, which is why the
# build runs in the source tree rather than in SAM's scratch copy of the folder.
REPO_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)

# The one AOT framework switch lives in Directory.Build.props (SuiteAotFramework); read it rather than repeat it.
AOT_FRAMEWORK ?= $(strip $(shell dotnet msbuild "$(CURDIR)" -getProperty:SuiteAotFramework -nologo))

# $(1) = the function's assembly name. Publishes Native AOT for linux-x64 and installs the executable as bootstrap.
define aot-bootstrap
$(if $(ARTIFACTS_DIR),,$(error ARTIFACTS_DIR is not set: run through sam build, or pass ARTIFACTS_DIR=<folder>))
dotnet publish "$(CURDIR)" -c Release -r linux-x64 -p:PublishAot=true -p:SuiteTargetFramework=$(AOT_FRAMEWORK) -p:ArtifactsPath="$(REPO_ROOT)/artifacts/aot" -o "$(REPO_ROOT)/artifacts/package/$(1)" -nologo
mkdir -p "$(ARTIFACTS_DIR)"
cp "$(REPO_ROOT)/artifacts/package/$(1)/$(1)" "$(ARTIFACTS_DIR)/bootstrap"
chmod 755 "$(ARTIFACTS_DIR)/bootstrap"
endef
