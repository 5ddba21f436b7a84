package org.netverks.platform;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Finds the PostgreSQL archive that the app bundles (zonky's binaries jar for this system) by its
 * name. Zonky's default resolver first looks for an archive made for the Linux distribution, which
 * it learns by running a shell and {@code lsb_release} (0.12 s on a quiet machine here, 0.3 s in
 * the app's start, when a 2-core machine is busiest); the app bundles no distribution's archive (the
 * pom excludes Alpine's), so that search can only fall back to the system's archive, found here at
 * once. Anything else (another machine's archive, none at all) is left to zonky's resolver and its
 * messages.
 *
 * <p>One instance for the JVM: zonky unpacks the binaries once per resolver it is given.
 */
final class BundledPostgresBinaries implements PgBinaryResolver {

    static final BundledPostgresBinaries INSTANCE = new BundledPostgresBinaries();

    private BundledPostgresBinaries() {}

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        String name = ("postgres-" + system + "-" + machineHardware + ".txz").toLowerCase(Locale.ROOT);
        InputStream archive = BundledPostgresBinaries.class.getClassLoader().getResourceAsStream(name);
        return archive != null ? archive : DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
    }
}
