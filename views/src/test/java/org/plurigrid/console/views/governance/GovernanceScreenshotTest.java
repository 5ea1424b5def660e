package org.plurigrid.console.views.governance;

import static org.plurigrid.console.testsupport.fx.FxPlatformExtension.onFx;
import static org.plurigrid.console.views.common.TestImages.toBuffered;
import static org.plurigrid.console.views.common.TestImages.countPixels;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.plurigrid.console.client.chain.TxOutcome;
import org.plurigrid.console.client.chain.TxStep;
import org.plurigrid.console.client.governance.ProposalPhase;
import org.plurigrid.console.client.governance.VoteOption;
import org.plurigrid.console.client.governance.ProposalSummary;
import org.plurigrid.console.client.governance.Tally;
import org.plurigrid.console.testsupport.fx.FxPlatformExtension;

/**
 * Renders the governance screen (proposals, the confirmation of a vote, accounts with the session's transactions) and
 * saves {@code target/screenshots/governance-*.png} for people to look at.
 */
@ExtendWith(FxPlatformExtension.class)
class GovernanceScreenshotTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private final ScriptedGovernance backend = new ScriptedGovernance();

    private static ProposalSummary proposal(long id, String title, ProposalPhase status, long yes, long no, long abstain, long veto) {
        return new ProposalSummary(id, title, "Operators of the Eastside and Riverside community grids propose holding 12 % of peak load"
                + " as spinning reserve (up from 9 %) through the winter peak.", status,
                Optional.of(Instant.parse("2026-01-08T14:30:00Z")), new Tally(BigInteger.valueOf(yes), BigInteger.valueOf(no),
                BigInteger.valueOf(abstain), BigInteger.valueOf(veto)), BigInteger.valueOf(1_000_000), new BigDecimal("0.334"),
                List.of("{\"@type\":\"/cosmos.bank.v1beta1.MsgSend\",\"from_address\":\"cosmos10d07y265gmmuvt4z0w9aw880jnsr700j6zn9kn\","
                        + "\"to_address\":\"cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5\",\"amount\":[{\"denom\":\"ucosm\",\"amount\":\"250000\"}]}"),
                List.of("1000ucosm"), "cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5");
    }

    private record Screen(GovernanceView view, SessionViewModel session, ProposalsViewModel proposals) {
    }

    private Screen screen() {
        backend.proposals = List.of(
                proposal(3, "Enable the demand-response pilot on the Harbour microgrid", ProposalPhase.DEPOSIT_PERIOD, 0, 0, 0, 0),
                proposal(2, "Fund the feeder F-7 recloser upgrade from the community pool", ProposalPhase.VOTING_PERIOD,
                        200_000, 40_000, 20_000, 110_000),
                proposal(1, "Raise the community-grid reserve margin to 12 %", ProposalPhase.VOTING_PERIOD,
                        200_000, 60_000, 20_000, 0));
        backend.votes.put(1L, "yes");
        TxHistory history = new TxHistory();
        SessionViewModel session = new SessionViewModel(backend, Runnable::run, Runnable::run);
        ProposalsViewModel proposals = new ProposalsViewModel(backend, session, history,
                InstantSource.fixed(Instant.parse("2026-01-05T09:12:00Z")), Runnable::run, Runnable::run);
        AccountsViewModel accounts = new AccountsViewModel(backend, session, history, Runnable::run, Runnable::run);
        GovernanceView view = new GovernanceView(session, proposals, accounts, ZoneOffset.UTC);
        session.refreshAccounts();
        session.unlock(ScriptedGovernance.PASSWORD.toCharArray());
        proposals.refresh();
        return new Screen(view, session, proposals);
    }

    @Test
    void snapshotOfTheProposalsView() throws Exception {
        Parent view = onFx(() -> {
            Screen s = screen();
            s.proposals().select(s.proposals().proposals().get(2));
            return s.view();
        });
        BufferedImage img = render(view, "governance-proposals.png");
        assertThat(countPixels(img, 0x7b, 0x83, 0x8a)).as("grey tally bars drawn").isGreaterThan(500);
        assertThat(countPixels(img, 0xd0, 0x02, 0x1b)).as("no alarm red on a calm proposal").isLessThan(20);
    }

    @Test
    void snapshotOfAVetoAtRisk() throws Exception {
        Parent view = onFx(() -> {
            Screen s = screen();
            s.proposals().select(s.proposals().proposals().get(1));
            return s.view();
        });
        BufferedImage img = render(view, "governance-veto-at-risk.png");
        assertThat(countPixels(img, 0xf0, 0x7d, 0x00)).as("orange marks the veto share at risk").isGreaterThan(100);
    }

    @Test
    void snapshotOfAWeightedSplitNotSummingToOne() throws Exception {
        Parent view = onFx(() -> {
            Screen s = screen();
            s.proposals().select(s.proposals().proposals().get(2));
            s.proposals().weightProperty(VoteOption.YES).set("0.6");
            s.proposals().weightProperty(VoteOption.NO).set("0.3");
            return s.view();
        });
        BufferedImage img = render(view, "governance-weighted-invalid.png");
        assertThat(countPixels(img, 0xd0, 0x02, 0x1b)).as("the sum message in red").isGreaterThan(30);
    }

    @Test
    void snapshotOfAWatchOnlySession() throws Exception {
        Parent view = onFx(() -> {
            Screen s = screen();
            s.session().choose(s.session().accounts().get(1));
            s.session().unlock(new char[0]);
            s.proposals().select(s.proposals().proposals().get(2));
            assertThat(s.proposals().voteBlockedReasonProperty().get()).contains("watch-only");
            return s.view();
        });
        render(view, "governance-watch-only.png");
        assertThat(Files.size(SHOTS.resolve("governance-watch-only.png"))).isGreaterThan(20_000);
    }

    @Test
    void snapshotOfTheConfirmation() throws Exception {
        Parent view = onFx(() -> {
            Screen s = screen();
            s.proposals().select(s.proposals().proposals().get(2));
            s.proposals().requestVote(VoteOption.YES);
            assertThat(s.proposals().confirmationDetailsProperty().get()).isNotNull();
            return s.view();
        });
        render(view, "governance-confirmation.png");
        assertThat(Files.size(SHOTS.resolve("governance-confirmation.png"))).isGreaterThan(20_000);
    }

    @Test
    void snapshotOfTheAccountsView() throws Exception {
        Parent view = onFx(() -> {
            Screen s = screen();
            s.proposals().select(s.proposals().proposals().get(2));
            s.proposals().requestVote(VoteOption.YES);
            s.proposals().confirm();
            backend.outcome = new TxOutcome.Rejected(TxStep.BROADCAST, 13, "sdk",
                    "insufficient fee; got: 100ucosm required: 1200ucosm", Optional.of("9F3C1E0B7A5D4C2E8F6A1B3D5C7E9F0A2B4C6D8E0F1A3B5C7D9E1F2A4B6C8D0E"), 0);
            s.proposals().select(s.proposals().proposals().get(1));
            s.proposals().requestVote(VoteOption.NO);
            s.proposals().confirm();
            s.view().showAccounts();
            return s.view();
        });
        render(view, "governance-accounts.png");
        assertThat(Files.size(SHOTS.resolve("governance-accounts.png"))).isGreaterThan(10_000);
    }

    /**
     * At the governance area of a 1440×900 window (100 %) and of 1920×1080 at 150 %: no status, voting-end, turnout or
     * id cell of the proposal table and no fact of the signing confirmation (the signer's address) is cut with an ellipsis.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}x{1} at {2}")
    @org.junit.jupiter.params.provider.CsvSource({"1240, 780, 1.0", "1720, 940, 1.5"})
    void keyColumnsAndTheSignersAddressAreNotCut(int width, int height, double scale) throws Exception {
        String file = "governance-confirmation-" + width + "x" + height + "-" + (int) (scale * 100) + ".png";
        Parent view = onFx(() -> {
            Screen s = screen();
            backend.proposals = List.of(backend.proposals.get(1), backend.proposals.get(2)); // #3 leaves: shown as removed
            s.proposals().refresh();
            s.proposals().select(s.proposals().proposals().get(2));
            s.proposals().requestVote(VoteOption.YES);
            org.plurigrid.console.views.common.Theme.applyScale(s.view(), scale);
            return s.view();
        });
        Stage stage = onFx(() -> {
            Stage st = new Stage();
            st.setScene(new Scene(view, width, height));
            st.show();
            return st;
        });
        Thread.sleep(500);
        List<String> cut = onFx(() -> {
            List<String> found = new java.util.ArrayList<>();
            for (javafx.scene.Node n : view.lookupAll(".table-cell")) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getItem() != null && cell.isVisible()
                        && !"Title".equals(cell.getTableColumn().getText()) && isCut(cell)) {
                    found.add(cell.getTableColumn().getText() + ": " + shownText(cell));
                }
            }
            for (javafx.scene.Node n : view.lookupAll(".confirmation-pane .fact-value")) {
                if (n instanceof javafx.scene.control.Label l && !l.getText().isEmpty() && isCut(l)) {
                    found.add("confirmation: " + shownText(l));
                }
            }
            for (javafx.scene.Node n : allNodes(view)) {
                if (n instanceof javafx.scene.control.Labeled l && !(n instanceof javafx.scene.control.TableCell<?, ?>)
                        && l.getText() != null && l.isVisible() && isCut(l)) {
                    found.add("label: " + shownText(l) + " (" + l.getText() + ")");
                }
            }
            javafx.scene.control.TableView<?> table = (javafx.scene.control.TableView<?>) view.lookup("#proposal-table");
            double columns = table.getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
            if (columns > table.getWidth()) {
                found.add("table: columns " + columns + " px wider than the table " + table.getWidth() + " px");
            }
            javafx.scene.Node pane = view.lookup(".confirmation-pane");
            javafx.geometry.Bounds shown = pane.localToScene(pane.getBoundsInLocal());
            if (shown.getMaxX() > view.getScene().getWidth() || shown.getMinX() < 0) {
                found.add("confirmation: spans x " + shown.getMinX() + ".." + shown.getMaxX() + " in a " + view.getScene().getWidth() + " px window");
            }
            javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane) view.lookup(".split-pane");
            for (javafx.scene.Node item : split.getItems()) {
                if (item instanceof javafx.scene.layout.Region r && r.getWidth() + 0.5 < r.minWidth(-1)) {
                    found.add("split: " + r.getClass().getSimpleName() + " squeezed to " + r.getWidth() + " px below its " + r.minWidth(-1) + " px");
                }
            }
            return found;
        });
        BufferedImage img = onFx(() -> {
            WritableImage snap = view.snapshot(null, null);
            stage.close();
            return toBuffered(snap);
        });
        Files.createDirectories(SHOTS);
        ImageIO.write(img, "png", SHOTS.resolve(file).toFile());
        assertThat(cut).as("text cut with an ellipsis").isEmpty();
        assertThat(onFx(() -> view.lookupAll(".table-cell").stream().anyMatch(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "removed".equals(c.getText())))).as("the removed proposal is listed").isTrue();
    }

    /** The text a labeled control actually draws (ending in its ellipsis string when it does not fit). */
    /** Every node on screen under {@code root}: hidden subtrees (an unselected tab's content) are left out. */
    private static List<javafx.scene.Node> allNodes(javafx.scene.Node root) {
        List<javafx.scene.Node> all = new java.util.ArrayList<>();
        java.util.ArrayDeque<javafx.scene.Node> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            javafx.scene.Node n = todo.pop();
            if (!n.isVisible()) {
                continue;
            }
            all.add(n);
            if (n instanceof Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return all;
    }

    /** Whether the control draws less than its text: JavaFX replaces the cut part with its ellipsis string ("..."). */
    private static boolean isCut(javafx.scene.control.Labeled l) {
        String full = l.getText();
        String shown = shownText(l);
        return full != null && !full.isEmpty() && !shown.equals(full) && shown.endsWith(l.getEllipsisString());
    }

    private static String shownText(javafx.scene.control.Labeled l) {
        javafx.scene.Node t = l.lookup(".text");
        return t instanceof javafx.scene.text.Text text ? text.getText() : l.getText();
    }

    /** Shows {@code root} in a headless window, lets a few pulses lay it out, then saves it. */
    private static BufferedImage render(Parent root, String file) throws Exception {
        Stage stage = onFx(() -> {
            Scene scene = new Scene(root, 1500, 980);
            scene.getStylesheets().add(GovernanceScreenshotTest.class.getResource("/org/plurigrid/console/views/alarms/alarm-test-palette.css")
                    .toExternalForm());
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            return s;
        });
        Thread.sleep(400);
        BufferedImage img = onFx(() -> {
            WritableImage snap = root.snapshot(null, null);
            stage.close();
            return toBuffered(snap);
        });
        Files.createDirectories(SHOTS);
        ImageIO.write(img, "png", SHOTS.resolve(file).toFile());
        return img;
    }


}
