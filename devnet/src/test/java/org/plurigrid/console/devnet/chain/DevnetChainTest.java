package org.plurigrid.console.devnet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxProgress;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.ProposalStatus;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption;
import org.plurigrid.console.client.governance.VoteService;
import org.plurigrid.console.client.wallet.HdPath;

class DevnetChainTest {

    static {
        QuietLogs.apply();
    }

    @Test
    void startsWithFundedDemoAccountsAndProposalsToVoteOn() {
        try (DevnetChain chain = DevnetChain.start(DevnetChain.Options.defaults().withBlockTime(Duration.ofMillis(50)));
             ChainClient client = new ChainClient(ChainConfig.of(chain.chainId(), "cosmos", "ucosm", "0.025",
                     GrpcEndpoint.parse(chain.grpcTarget())), InstantSource.system())) {
            assertThat(chain.grpcTarget()).startsWith("127.0.0.1:");
            assertThat(chain.demoAccounts()).hasSize(3);
            assertThat(client.nodeChainId()).isEqualTo("plurigrid-devnet-1");
            assertThat(client.proposals(ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD)).extracting(p -> p.getTitle())
                    .contains("Raise the community-grid reserve margin to 12 %", "Fund the feeder F-7 recloser upgrade from the community pool");
            assertThat(client.proposals(ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD)).hasSize(1);
            assertThat(client.govParams().getQuorum()).isEqualTo("0.334000000000000000");
            DemoAccount alice = chain.demoAccounts().get(0);
            assertThat(client.balances(alice.address())).contains(CoinAmount.of(DevnetChain.DEMO_BALANCE, "ucosm"));
            assertThat(chain.describeDemoAccounts()).contains(alice.address()).contains("LOCAL USE ONLY");

            // A printed phrase really controls its account: vote with it.
            var key = alice.mnemonic().deriveKey(HdPath.cosmos(0));
            long id = chain.proposalsInVotingPeriod().get(0);
            TxOutcome outcome = new VoteService(client).vote(id, org.plurigrid.console.client.governance.VoteOption.YES, key, TxProgress.NONE);
            assertThat(outcome).isInstanceOf(TxOutcome.Included.class);
            assertThat(client.balances(alice.address()).get(0).amount()).isLessThan(java.math.BigInteger.valueOf(DevnetChain.DEMO_BALANCE));
            assertThat(chain.height()).isPositive();
        }
    }

    @Test
    void demoPhrasesDifferBetweenStarts() {
        try (DevnetChain a = DevnetChain.start(DevnetChain.Options.defaults()); DevnetChain b = DevnetChain.start(DevnetChain.Options.defaults())) {
            assertThat(a.demoAccounts().get(0).address()).isNotEqualTo(b.demoAccounts().get(0).address());
            assertThat(a.port()).isNotEqualTo(b.port());
            assertThat(List.of(a.demoAccounts().get(0).mnemonic().toString())).allMatch(s -> s.contains("redacted"));
        }
    }
}
