package org.plurigrid.console.examples.busiest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** ACME's register of metered sites (where they are and their contract limit), shipped in the jar as a CSV. */
record SiteRegister(List<Site> sites) {

    record Site(String id, String name, double lat, double lon, double limitKw) {
    }

    SiteRegister {
        sites = List.copyOf(sites);
    }

    /** The register in the jar ({@code acme-sites.csv} beside this class). */
    static SiteRegister bundled() {
        try (InputStream in = SiteRegister.class.getResourceAsStream("acme-sites.csv")) {
            if (in == null) {
                throw new IllegalStateException("acme-sites.csv is missing from the plugin jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SiteRegister parse(List<String> lines) {
        List<Site> sites = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split(",", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException("a site needs id,name,lat,lon,limit: '" + l + "'");
            }
            sites.add(new Site(f[0].strip(), f[1].strip(), Double.parseDouble(f[2].strip()), Double.parseDouble(f[3].strip()),
                    Double.parseDouble(f[4].strip())));
        }
        return new SiteRegister(sites);
    }
}
