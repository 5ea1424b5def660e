package org.plurigrid.console.views.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionViewModelTest {

    private final ScriptedGovernance backend = new ScriptedGovernance();
    private final SessionViewModel vm = new SessionViewModel(backend, Runnable::run, Runnable::run);

    @Test
    void listsTheKeystoreAndPicksTheFirstAccount() {
        vm.refreshAccounts();
        assertThat(vm.accounts()).extracting(AccountEntry::name).containsExactly("alice", "auditor");
        assertThat(vm.chosenProperty().get().name()).isEqualTo("alice");
        assertThat(vm.stateProperty().get()).isEqualTo(SessionState.LOCKED);
    }

    @Test
    void unlocksWithTheRightPasswordAndClearsIt() {
        vm.refreshAccounts();
        char[] pw = ScriptedGovernance.PASSWORD.toCharArray();
        vm.unlock(pw);
        assertThat(vm.stateProperty().get()).isEqualTo(SessionState.UNLOCKED);
        assertThat(vm.activeProperty().get().name()).isEqualTo("alice");
        assertThat(vm.messageProperty().get()).isEqualTo("alice unlocked for this session");
        assertThat(pw).as("password cleared after use").containsOnly('\0');
        assertThat(backend.unlocked).isEqualTo("alice");
    }

    @Test
    void wrongPasswordSaysSoAndStaysLocked() {
        vm.refreshAccounts();
        char[] pw = "not it at all".toCharArray();
        vm.unlock(pw);
        assertThat(vm.stateProperty().get()).isEqualTo(SessionState.LOCKED);
        assertThat(vm.activeProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("Wrong password for key 'alice'").doesNotContain("not it at all");
        assertThat(pw).containsOnly('\0');
    }

    @Test
    void watchOnlyAccountIsWatchedWithoutAPassword() {
        vm.refreshAccounts();
        vm.choose(vm.accounts().get(1));
        vm.unlock(new char[0]);
        assertThat(vm.stateProperty().get()).isEqualTo(SessionState.WATCHING);
        assertThat(vm.messageProperty().get()).contains("watch-only").contains("cannot sign");
        assertThat(backend.passwordsSeen).as("no unlock attempted").isEmpty();
    }

    @Test
    void lockForgetsTheKey() {
        vm.refreshAccounts();
        vm.unlock(ScriptedGovernance.PASSWORD.toCharArray());
        vm.lock();
        assertThat(vm.stateProperty().get()).isEqualTo(SessionState.LOCKED);
        assertThat(vm.activeProperty().get()).isNull();
        assertThat(backend.unlocked).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("alice locked");
    }

    @Test
    void choosingAnotherAccountSwitchesEveryTabToIt() {
        TxHistory history = new TxHistory();
        ProposalsViewModel proposals = new ProposalsViewModel(backend, vm, history,
                java.time.InstantSource.fixed(java.time.Instant.parse("2026-01-01T10:00:00Z")), Runnable::run, Runnable::run);
        AccountsViewModel accounts = new AccountsViewModel(backend, vm, history, Runnable::run, Runnable::run);
        vm.refreshAccounts();
        vm.unlock(ScriptedGovernance.PASSWORD.toCharArray());
        proposals.refresh();
        proposals.select(proposals.proposals().get(0));
        assertThat(accounts.overviewProperty().get().address()).isEqualTo(ScriptedGovernance.VOTER.bech32());

        AccountEntry auditor = vm.accounts().get(1);
        vm.choose(auditor);

        assertThat(vm.activeProperty().get()).isEqualTo(auditor);
        assertThat(vm.stateProperty().get()).isEqualTo(SessionState.WATCHING);
        assertThat(backend.unlocked).as("the previous key is forgotten").isNull();
        assertThat(accounts.overviewProperty().get().address()).isEqualTo("cosmos1watch");
        assertThat(proposals.myVoteProperty().get()).startsWith("auditor ");
        assertThat(proposals.canVoteProperty().get()).isFalse();
    }

    @Test
    void switchingToAnAccountWithAKeyAsksToUnlockIt() {
        vm.refreshAccounts();
        vm.choose(vm.accounts().get(1));
        vm.unlock(new char[0]); // watch the auditor
        ProposalsViewModel proposals = new ProposalsViewModel(backend, vm, new TxHistory(),
                java.time.InstantSource.fixed(java.time.Instant.parse("2026-01-01T10:00:00Z")), Runnable::run, Runnable::run);
        proposals.refresh();
        proposals.select(proposals.proposals().get(0));

        vm.choose(vm.accounts().get(0));

        assertThat(vm.activeProperty().get().name()).isEqualTo("alice");
        assertThat(vm.messageProperty().get()).isEqualTo("Switched to alice: unlock it to vote");
        assertThat(proposals.voteBlockedReasonProperty().get()).isEqualTo("Unlock alice to vote");
    }
}
