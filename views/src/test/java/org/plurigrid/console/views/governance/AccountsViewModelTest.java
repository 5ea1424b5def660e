package org.plurigrid.console.views.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.plurigrid.console.client.governance.VoteOption;

class AccountsViewModelTest {

    private final ScriptedGovernance backend = new ScriptedGovernance();
    private final SessionViewModel session = new SessionViewModel(backend, Runnable::run, Runnable::run);
    private final TxHistory history = new TxHistory();
    private final AccountsViewModel vm = new AccountsViewModel(backend, session, history, Runnable::run, Runnable::run);

    @Test
    void showsBalancesAndVotingPowerOfTheSessionAccount() {
        assertThat(vm.overviewProperty().get()).isNull();
        session.refreshAccounts();
        session.unlock(ScriptedGovernance.PASSWORD.toCharArray());
        assertThat(vm.overviewProperty().get().balances()).containsExactly("999998800ucosm");
        assertThat(vm.overviewProperty().get().votingPower()).contains(BigInteger.valueOf(200_000));
        session.lock();
        assertThat(vm.overviewProperty().get()).isNull();
    }

    @Test
    void keepsTheConsolesOwnTransactionsOfTheSession() {
        session.refreshAccounts();
        session.unlock(ScriptedGovernance.PASSWORD.toCharArray());
        ProposalsViewModel proposals = new ProposalsViewModel(backend, session, history,
                InstantSource.fixed(Instant.parse("2026-01-01T10:00:00Z")), Runnable::run, Runnable::run);
        proposals.refresh();
        proposals.select(proposals.proposals().get(0));
        proposals.requestVote(VoteOption.ABSTAIN);
        proposals.confirm();

        assertThat(vm.history()).singleElement().satisfies(r -> {
            assertThat(r.txHash()).isEqualTo("AB12");
            assertThat(r.height()).isEqualTo(7);
            assertThat(r.outcome()).isEqualTo("included");
            assertThat(r.time()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        });
    }
}
