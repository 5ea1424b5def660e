package org.plurigrid.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.chain.CoinAmount;
import org.plurigrid.console.client.chain.SignerData;
import org.plurigrid.console.client.chain.TxFee;
import org.plurigrid.console.client.chain.TxSigner;
import org.plurigrid.console.client.governance.VoteOption;
import org.plurigrid.console.client.governance.VoteService;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.Mnemonic;
import org.plurigrid.console.devnet.chain.DevnetChain;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The keys, gov and tx commands, run through picocli as a user would. */
class GovernanceCliTest {

    /** cosmjs default test wallet (packages/proto-signing wallet.spec.ts): address cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5. */
    static final String PHRASE = "special sign fit simple patrol salute grocery chicken wheat radar tonight ceiling";
    static final String ADDRESS = "cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5";

    static DevnetChain chain;

    @TempDir
    Path home;
    Path passwordFile;
    Path phraseFile;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void startChain() {
        System.setProperty("plurigrid.kdf", "light");
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        chain = DevnetChain.start(DevnetChain.Options.defaults().withDemoMnemonics(List.of(Mnemonic.parse(PHRASE)))
                .withBlockTime(Duration.ofMillis(50)));
    }

    @AfterAll
    static void stopChain() {
        chain.close();
        System.clearProperty("plurigrid.kdf");
    }

    @BeforeEach
    void files() throws IOException {
        passwordFile = Files.writeString(Files.createFile(home.resolve("pw.txt"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), "correct horse battery\n");
        phraseFile = Files.writeString(home.resolve("phrase.txt"), PHRASE + "\n");
    }

    private Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private void importAlice() {
        Run r = run(new KeysCommand(), "import", "alice", "--mnemonic-file", phraseFile.toString(),
                "--password-file", passwordFile.toString(), "--home", home.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void importsAKeyFromAFileAndShowsItsCosmjsAddress() {
        importAlice();

        Run show = run(new KeysCommand(), "show", "alice", "--home", home.toString());
        assertThat(show.out()).contains("address: " + ADDRESS)
                .contains("pubkey:  02baa4ef93f2ce84592a49b1d729c074eab640112522a7a89f7d03ebab21ded7b6")
                .contains("path:    m/44'/118'/0'/0/0");
        assertThat(run(new KeysCommand(), "list", "--home", home.toString()).out()).contains("alice").contains(ADDRESS).contains("local");
    }

    @Test
    void addsAKeyShowingItsPhraseOnceAndAWatchOnlyAccount() {
        Run add = run(new KeysCommand(), "add", "bob", "--index", "2", "--prefix", "plurigrid", "--password-file", passwordFile.toString(),
                "--home", home.toString());
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("address: plurigrid1").contains("m/44'/118'/0'/0/2").contains("Recovery phrase");
        String phrase = add.out().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(Mnemonic.parse(phrase).wordCount()).isEqualTo(24);
        assertThat(run(new KeysCommand(), "show", "bob", "--home", home.toString()).out()).doesNotContain(phrase);

        Run watch = run(new KeysCommand(), "add", "treasury", "--address", ADDRESS, "--home", home.toString());
        assertThat(watch.out()).contains("(watch-only)");
    }

    @Test
    void refusesAPhraseWithABadChecksum() throws IOException {
        Files.writeString(phraseFile, PHRASE.replace("special sign", "sign special"));
        Run r = run(new KeysCommand(), "import", "alice", "--mnemonic-file", phraseFile.toString(),
                "--password-file", passwordFile.toString(), "--home", home.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("fails its BIP-39 checksum").doesNotContain("special");
        assertThat(run(new KeysCommand(), "list", "--home", home.toString()).out()).isEmpty();
    }

    @Test
    void offlineVotePrintsOnlyTheSignedTxRawThatDecodesBack() {
        importAlice();

        Run r = run(new GovCommand(), "vote", "3", "yes", "--from", "alice", "--chain-id", "plurigrid-devnet-1", "--offline",
                "--account-number", "7", "--sequence", "2", "--fees", "5000ucosm", "--gas", "200000", "--memo", "audit",
                "--password-file", passwordFile.toString(), "--home", home.toString());

        assertThat(r.code()).as(r.err()).isZero();
        String expected = TxSigner.sign(List.of(VoteService.voteMessage(3, VoteOption.YES, ADDRESS)), "audit",
                new TxFee(CoinAmount.parse("5000ucosm"), 200_000), new SignerData("plurigrid-devnet-1", 7, 2),
                Mnemonic.parse(PHRASE).deriveKey(HdPath.cosmos(0))).hex();
        assertThat(r.out()).isEqualTo(expected + System.lineSeparator());

        Run decoded = run(new TxCommand(), "decode", r.out().strip());
        assertThat(decoded.out()).contains("\"@type\": \"/cosmos.gov.v1.MsgVote\"").contains("\"proposal_id\": \"3\"")
                .contains("\"option\": \"VOTE_OPTION_YES\"").contains("\"memo\": \"audit\"").contains("\"sequence\": \"2\"")
                .contains("\"gas_limit\": \"200000\"");
    }

    @Test
    void offlineWeightedVoteCarriesTheWeights() {
        importAlice();
        Run r = run(new GovCommand(), "vote", "1", "--weighted", "yes=0.7,no=0.3", "--from", "alice", "--chain-id", "c", "--offline",
                "--account-number", "0", "--sequence", "0", "--fees", "5000ucosm", "--gas", "200000",
                "--password-file", passwordFile.toString(), "--home", home.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(run(new TxCommand(), "decode", r.out().strip()).out()).contains("/cosmos.gov.v1.MsgVoteWeighted")
                .contains("\"weight\": \"0.700000000000000000\"").contains("\"weight\": \"0.300000000000000000\"");

        Run bad = run(new GovCommand(), "vote", "1", "--weighted", "yes=0.7,no=0.2", "--from", "alice", "--chain-id", "c", "--offline",
                "--account-number", "0", "--sequence", "0", "--fees", "5000ucosm", "--gas", "200000",
                "--password-file", passwordFile.toString(), "--home", home.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("Vote weights must sum to exactly 1, but they sum to 0.9");
    }

    @Test
    void wrongPasswordIsAClearError() throws IOException {
        importAlice();
        Path wrong = Files.writeString(Files.createFile(home.resolve("wrong.txt"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), "not the password\n");
        Run r = run(new GovCommand(), "vote", "1", "no", "--from", "alice", "--chain-id", "c", "--offline",
                "--account-number", "0", "--sequence", "0", "--fees", "5000ucosm", "--gas", "200000",
                "--password-file", wrong.toString(), "--home", home.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Error: Wrong password for key 'alice'" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void listsProposalsAndVotesOnTheDevnetUntilIncluded() {
        importAlice();
        long id = chain.proposalsInVotingPeriod().get(0);

        Run list = run(new GovCommand(), "proposals", "--status", "voting", "--node", chain.grpcTarget());
        assertThat(list.out()).contains("voting_period").contains("Raise the community-grid reserve margin to 12 %");

        Run vote = run(new GovCommand(), "vote", Long.toString(id), "no_with_veto", "--from", "alice", "--node", chain.grpcTarget(),
                "--chain-id", chain.chainId(), "--password-file", passwordFile.toString(), "--home", home.toString());
        assertThat(vote.code()).as(vote.err()).isZero();
        assertThat(vote.out()).contains("Chain:    plurigrid-devnet-1").contains("Account:  " + ADDRESS)
                .contains("\"option\":\"VOTE_OPTION_NO_WITH_VETO\"").contains("Fee:      ").contains("Vote included at height");

        Run show = run(new GovCommand(), "proposal", Long.toString(id), "--node", chain.grpcTarget());
        assertThat(show.out()).contains("no_with_veto " + DevnetChain.DEMO_BONDED);
    }

    @Test
    void voteAgainstAnotherChainIdOrADeadNodeFailsClearly() {
        importAlice();
        Run wrongChain = run(new GovCommand(), "vote", "1", "yes", "--from", "alice", "--node", chain.grpcTarget(),
                "--chain-id", "cosmoshub-4", "--password-file", passwordFile.toString(), "--home", home.toString());
        assertThat(wrongChain.code()).isEqualTo(1);
        assertThat(wrongChain.err()).contains("is on chain 'plurigrid-devnet-1', but the console is configured for 'cosmoshub-4'");

        Run dead = run(new GovCommand(), "proposals", "--node", "127.0.0.1:1");
        assertThat(dead.code()).isEqualTo(1);
        assertThat(dead.err()).contains("Cannot reach any node of chain");
    }
}
