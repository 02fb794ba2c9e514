package gpuroi.cli;

import picocli.CommandLine;

/** The version from the jar's manifest ("dev" when run from classes). */
public final class ToolVersion {
    private ToolVersion() {
    }

    public static String get() {
        String version = ToolVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Feeds {@code gpuroi --version}. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gpuroi " + get(), "Java " + System.getProperty("java.version")};
        }
    }
}
