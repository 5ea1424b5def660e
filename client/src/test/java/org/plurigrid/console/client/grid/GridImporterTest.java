package org.plurigrid.console.client.grid;

import com.powsybl.ieeecdf.converter.IeeeCdfNetworkFactory;
import com.powsybl.iidm.network.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridImporterTest {

    @TempDir
    Path dir;

    private final GridImporter importer = new GridImporter();

    @Test
    void importsXiidm() throws Exception {
        Path file = dir.resolve("ieee14.xiidm");
        IeeeCdfNetworkFactory.create14().write("XIIDM", new Properties(), file);

        Network n = importer.importFile(file);

        assertThat(n.getBusView().getBusStream().count()).isEqualTo(14);
        assertThat(n.getLineCount()).isEqualTo(17);
    }

    @Test
    void importsIeeeCdf() throws Exception {
        Path file = dir.resolve("ieee30cdf.txt");
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/ieee30cdf.txt"))) {
            Files.copy(in, file);
        }

        Network n = importer.importFile(file);

        assertThat(n.getBusView().getBusStream().count()).isEqualTo(30);
    }

    @Test
    void importsCgmesZip() throws Exception {
        Path base = dir.resolve("ieee14.zip");
        IeeeCdfNetworkFactory.create14().write("CGMES", new Properties(), base);
        Path zip = Files.list(dir).filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();

        Network n = importer.importFile(zip);

        assertThat(n.getBusView().getBusStream().count()).isEqualTo(14);
        assertThat(n.getSourceFormat()).isEqualTo("CGMES");
    }

    @Test
    void importsMatpowerCaseAndSolvesIt() throws Exception {
        Path file = dir.resolve("three-bus.m");
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/grid/three-bus.m"))) {
            Files.copy(in, file);
        }

        Network n = importer.importFile(file);

        assertThat(n.getBusView().getBusStream().count()).isEqualTo(3);
        assertThat(n.getLineCount()).isEqualTo(1);
        assertThat(n.getTwoWindingsTransformerCount()).isEqualTo(1);
        assertThat(n.getLoad("L2").getP0()).isEqualTo(60.0);
        assertThat(new PowerFlowRunner().run(n).status()).isEqualTo(PowerFlowResult.Status.CONVERGED);
    }

    @Test
    void rejectsTextThatIsNoGridModelWithAClearMessage() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "this is a shopping list, not a grid\n");

        assertThatThrownBy(() -> importer.importFile(file))
                .isInstanceOf(GridImportException.class)
                .hasMessageContaining("notes.txt")
                .hasMessageContaining("supported format");
    }

    @Test
    void rejectsMissingFileNamingIt() {
        Path file = dir.resolve("nowhere.xiidm");

        assertThatThrownBy(() -> importer.importFile(file))
                .isInstanceOf(GridImportException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining("nowhere.xiidm");
    }

    @Test
    void rejectsBrokenMatpowerFile() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.m"), "function mpc = broken\nmpc.baseMVA = 100;\n");

        assertThatThrownBy(() -> importer.importFile(file))
                .isInstanceOf(GridImportException.class)
                .hasMessageContaining("mpc.bus");
    }
}
