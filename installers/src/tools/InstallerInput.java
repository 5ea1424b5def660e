import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Lays out jpackage's input folder from the built app: the main jar and exactly the jars its manifest's
 * {@code Class-Path} names (never a stale jar left in target/lib), each copied without the native libraries built for
 * platforms other than Linux x86-64 with glibc (rocksdb, sqlite, zstd, JNA, Netty ship natives for a dozen platforms
 * in one jar). A jar that carried natives must keep at least one, or this fails: the filter must never strip what
 * runs here. Prints one line per jar it changed on stderr and the totals on stdout.
 *
 * <p>Usage: {@code java InstallerInput.java MAIN_JAR TO_DIR}. Why: docs/adr/0009-installers-jlink-and-linux-natives.md.
 */
public final class InstallerInput {

    private static final Pattern NATIVE = Pattern.compile(
            ".*(\\.so|\\.dylib|\\.jnilib|\\.dll|\\.a|\\.so_[a-z0-9_]+|\\.dll_[a-z0-9_]+|\\.dylib_[a-z0-9_]+)$");
    /** Path fragments naming another operating system, C library or processor than Linux x86-64 glibc. */
    private static final List<String> FOREIGN = List.of(
            "osx", "mac", "darwin", "windows", "win32", "win/", "win64", "freebsd", "openbsd", "netbsd", "dragonfly",
            "sunos", "solaris", "aix", "musl",
            "android", ".dll", ".dylib", ".jnilib",
            "aarch64", "aarch_64", "arm", "ppc", "s390", "riscv", "loongarch", "mips", "sparc", "i386", "i686",
            "x86/", "x86_32", "linux32", "linux-x86.", "_x86.", "universal");

    static boolean foreign(String entry) {
        String name = entry.toLowerCase(Locale.ROOT);
        if (!NATIVE.matcher(name).matches()) {
            return false;
        }
        return FOREIGN.stream().anyMatch(name::contains);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java InstallerInput.java MAIN_JAR TO_DIR");
            System.exit(2);
        }
        Path mainJar = Path.of(args[0]);
        Path to = Path.of(args[1]);
        List<Path> jars = new ArrayList<>();
        try (JarFile jar = new JarFile(mainJar.toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            for (String entry : classPath == null ? new String[0] : classPath.trim().split("\\s+")) {
                jars.add(mainJar.toAbsolutePath().getParent().resolve(entry));
            }
        }
        Files.createDirectories(to.resolve("lib"));
        Files.copy(mainJar, to.resolve(mainJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        long before = 0;
        long after = 0;
        for (Path jar : jars) {
            Path out = to.resolve("lib").resolve(jar.getFileName());
            before += Files.size(jar);
            copyWithoutForeignNatives(jar, out);
            after += Files.size(out);
        }
        System.out.println("jars: " + jars.size() + ", " + before / 1_000_000 + " MB -> " + after / 1_000_000 + " MB");
    }

    private static void copyWithoutForeignNatives(Path jar, Path out) throws IOException {
        int natives = 0;
        List<String> kept = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = zip.stream().toList();
            for (ZipEntry e : entries) {
                if (NATIVE.matcher(e.getName().toLowerCase(Locale.ROOT)).matches()) {
                    natives++;
                    if (!foreign(e.getName())) {
                        kept.add(e.getName());
                    }
                }
            }
            if (natives == kept.size()) {
                Files.copy(jar, out, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            if (kept.isEmpty()) {
                System.err.println(jar.getFileName() + ": every one of its " + natives
                        + " native libraries looks foreign; refusing to strip it (extend the filter)");
                System.exit(1);
            }
            try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zos = new ZipOutputStream(os)) {
                for (ZipEntry e : entries) {
                    if (foreign(e.getName())) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(e.getTime());
                    zos.putNextEntry(copy);
                    try (InputStream in = zip.getInputStream(e)) {
                        in.transferTo(zos);
                    }
                    zos.closeEntry();
                }
            }
        }
        System.err.println(jar.getFileName() + ": " + Files.size(jar) + " -> " + Files.size(out)
                + " bytes, kept " + kept);
    }
}
