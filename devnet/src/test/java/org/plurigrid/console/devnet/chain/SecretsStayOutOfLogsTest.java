package org.plurigrid.console.devnet.chain;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plurigrid.console.client.chain.ChainClient;
import org.plurigrid.console.client.chain.ChainConfig;
import org.plurigrid.console.client.chain.GrpcEndpoint;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.proto.cosmos.gov.v1.VoteOption;
import org.plurigrid.console.client.governance.VoteService;
import org.plurigrid.console.client.wallet.HdPath;
import org.plurigrid.console.client.wallet.KdfStrength;
import org.plurigrid.console.client.wallet.KeyInfo;
import org.plurigrid.console.client.wallet.Keystore;
import org.plurigrid.console.client.wallet.Mnemonic;
import org.plurigrid.console.client.wallet.SigningKey;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;

/**
 * Runs the key and vote flows, good and bad, with every log event captured, and greps all logs, exception messages and
 * operator messages for the test phrase, the private key and the password.
 */
class SecretsStayOutOfLogsTest {

    private static final String PHRASE = "special sign fit simple patrol salute grocery chicken wheat radar tonight ceiling";
    private static final String PASSWORD = "devnet-test-password-4711";

    @TempDir
    Path home;

    @Test
    void noPhraseKeyOrPasswordInLogsExceptionsOrMessages() {
        QuietLogs.apply();
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger ours = ctx.getLogger("org.plurigrid");
        Level before = ours.getLevel();
        ours.setLevel(Level.DEBUG);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logs);
        List<String> texts = new ArrayList<>();
        try {
            Keystore ks = new Keystore(home, KdfStrength.LIGHT, new SecureRandom());
            KeyInfo info = ks.importMnemonic("alice", Mnemonic.parse(PHRASE), PASSWORD.toCharArray(), HdPath.cosmos(0), "cosmos");
            texts.add(info.toString());
            texts.add(ks.list().toString());
            collect(texts, () -> ks.unlock("alice", "wrong-password-123".toCharArray()));
            collect(texts, () -> Mnemonic.parse(PHRASE.replace("radar", "radix")));
            collect(texts, () -> Mnemonic.parse(PHRASE.replace("special sign", "sign special")));
            collect(texts, () -> ks.importMnemonic("alice", Mnemonic.parse(PHRASE), PASSWORD.toCharArray(), HdPath.cosmos(0), "cosmos"));
            SigningKey key = ks.unlock("alice", PASSWORD.toCharArray());
            texts.add(key.toString());
            texts.add(Mnemonic.parse(PHRASE).toString());

            try (DevnetChain chain = DevnetChain.start(DevnetChain.Options.defaults().withDemoMnemonics(List.of(Mnemonic.parse(PHRASE)))
                    .withBlockTime(Duration.ofMillis(50)));
                 ChainClient client = new ChainClient(ChainConfig.of(chain.chainId(), "cosmos", "ucosm", "0.025",
                         GrpcEndpoint.parse(chain.grpcTarget())), InstantSource.system())) {
                VoteService votes = new VoteService(client);
                long open = chain.proposalsInVotingPeriod().get(0);
                long closed = chain.addProposal("closed", "deposit period", 1);
                texts.add(votes.prepareVote(open, org.plurigrid.console.client.governance.VoteOption.YES, key.address("cosmos"), key.publicKey(), "").describe());
                texts.add(outcome(votes.vote(open, org.plurigrid.console.client.governance.VoteOption.YES, key, (s, d) -> texts.add(s + " " + d))));
                texts.add(outcome(votes.vote(closed, org.plurigrid.console.client.governance.VoteOption.YES, key, (s, d) -> texts.add(s + " " + d))));
                texts.add(outcome(votes.vote(999, org.plurigrid.console.client.governance.VoteOption.YES, key, (s, d) -> texts.add(s + " " + d))));
            }
        } finally {
            ctx.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(logs);
            ours.setLevel(before);
        }
        for (ILoggingEvent e : logs.list) {
            texts.add(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                texts.add(t.getClassName() + ": " + t.getMessage());
            }
        }

        assertThat(logs.list).as("the flows did log something").isNotEmpty();
        String privateKeyHex = HexFormat.of().formatHex(org.web3j.utils.Numeric.toBytesPadded(
                Bip32ECKeyPair.deriveKeyPair(Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(PHRASE, "")),
                        new int[] {44 | Bip32ECKeyPair.HARDENED_BIT, 118 | Bip32ECKeyPair.HARDENED_BIT, Bip32ECKeyPair.HARDENED_BIT, 0, 0})
                        .getPrivateKey(), 32));
        String[] words = PHRASE.split(" ");
        for (String text : texts) {
            String t = text == null ? "" : text.toLowerCase(java.util.Locale.ROOT);
            for (int i = 0; i + 1 < words.length; i++) {
                assertThat(t).as("two consecutive phrase words in: %s", text).doesNotContain(words[i] + " " + words[i + 1]);
            }
            assertThat(t).doesNotContain(privateKeyHex).doesNotContain(PASSWORD).doesNotContain("wrong-password-123");
        }
    }

    private static String outcome(TxOutcome o) {
        return switch (o) {
            case TxOutcome.Included i -> "included " + i;
            case TxOutcome.Rejected r -> r.message() + " " + r;
            case TxOutcome.TimedOut t -> "timed out " + t;
        };
    }

    private static void collect(List<String> texts, Runnable r) {
        try {
            r.run();
            texts.add("no exception");
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                texts.add(t.toString());
            }
        }
    }
}
