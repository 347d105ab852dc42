package org.openlfa.cli;

import java.nio.file.Path;
import org.openlfa.community.NetworkSettings;
import picocli.CommandLine.Option;

/**
 * {@code --network DIR [--communities FILE]}: the LV network and its communities, as {@code lfa study}, {@code lfa
 * serve} and {@code lfa agent cems} read them (a picocli mixin).
 */
final class NetworkOptions {

    @Option(names = "--network", description = "an ENWL network folder with Feeder_N sub-folders "
            + "(default: the built-in ENWL network 22)")
    Path network;

    @Option(names = "--communities", description = "YAML file mapping community names to feeder lists "
            + "(default for network 22: C1=[1,2], C2=[3,4], C3=[5,6]; otherwise one community per feeder)")
    Path communitiesFile;

    /** The network and communities named, read and checked; the reference network 22 without options. */
    NetworkSettings settings() {
        return NetworkSettings.of(network, communitiesFile);
    }
}
