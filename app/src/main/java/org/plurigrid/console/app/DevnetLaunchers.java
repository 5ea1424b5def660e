package org.plurigrid.console.app;

import java.time.InstantSource;

import org.plurigrid.console.devnet.Devnet;
import org.plurigrid.console.devnet.DevnetConfig;

/** The devnet of this build: {@code Devnet.start(DevnetConfig.defaults())} on the requested port. */
final class DevnetLaunchers {

    /** The console is the in-process devnet's Sparkplug primary host application under this id. */
    static final String PRIMARY_HOST_ID = "plurigrid-console";

    private DevnetLaunchers() {
    }

    static DevnetLauncher inThisBuild(InstantSource clock) {
        return port -> {
            Devnet devnet = Devnet.start(DevnetConfig.defaults().withMqttPort(port), clock);
            devnet.followPrimaryHost(PRIMARY_HOST_ID);
            return new InProcessDevnet() {
                @Override
                public String primaryHostId() {
                    return PRIMARY_HOST_ID;
                }

                @Override
                public String mqttUri() {
                    return devnet.mqttUri();
                }

                @Override
                public String topicFilter() {
                    return devnet.sparkplugTopicFilter();
                }

                @Override
                public java.util.Optional<Devnet> devnet() {
                    return java.util.Optional.of(devnet);
                }

                @Override
                public void close() {
                    devnet.close();
                }
            };
        };
    }
}
