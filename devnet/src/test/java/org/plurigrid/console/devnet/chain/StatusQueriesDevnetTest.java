package org.plurigrid.console.devnet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.wallet.Mnemonic;

/** GetLatestBlock and DelegatorDelegations, as the console's status bar and accounts screen read them. */
class StatusQueriesDevnetTest {

    @Test
    void servesTheLatestHeightAndEachAccountsBondedStake() {
        QuietLogs.apply();
        Mnemonic alice = Mnemonic.parse("special sign fit simple patrol salute grocery chicken wheat radar tonight ceiling");
        try (DevnetChain chain = DevnetChain.start(DevnetChain.Options.defaults().withDemoMnemonics(List.of(alice))
                .withBlockTime(Duration.ofHours(1)));
                ChainClient client = new ChainClient(ChainConfig.of(chain.chainId(), "cosmos", "ucosm", "0.025",
                        GrpcEndpoint.parse(chain.grpcTarget())), InstantSource.system())) {
            long before = client.latestHeight();
            chain.produceBlock();
            chain.produceBlock();
            assertThat(client.latestHeight()).isEqualTo(before + 2).isEqualTo(chain.height());

            assertThat(client.delegatedTokens(chain.demoAccounts().get(0).address())).isEqualTo(BigInteger.valueOf(DevnetChain.DEMO_BONDED));
            assertThat(client.delegatedTokens("cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a")).isZero();
        }
    }
}
