package org.openlfa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void stagingFolderIsEmptyHiddenAndNextToTheTarget() throws IOException {
        Path target = dir.resolve("deep/er/out");
        Path staging = AtomicFiles.stagingFolderFor(target);
        assertThat(staging).isEmptyDirectory();
        // Same parent: the final move is a rename on the same file system.
        assertThat(staging.getParent()).isEqualTo(target.toAbsolutePath().getParent());
        assertThat(staging.getFileName().toString()).startsWith(".out.tmp-");
        assertThat(target).doesNotExist();
    }

    @Test
    void twoStagingFoldersForOneTargetDoNotCollide() {
        Path target = dir.resolve("out");
        assertThat(AtomicFiles.stagingFolderFor(target)).isNotEqualTo(AtomicFiles.stagingFolderFor(target));
    }

    @Test
    void commitMovesTheCompleteFolderIntoANewTarget() throws IOException {
        Path target = dir.resolve("out");
        Path staging = AtomicFiles.stagingFolderFor(target);
        Files.writeString(staging.resolve("a.csv"), "1");
        Files.createDirectories(staging.resolve("sub"));
        Files.writeString(staging.resolve("sub/b.csv"), "2");

        AtomicFiles.commit(staging, target);

        assertThat(target.resolve("a.csv")).hasContent("1");
        assertThat(target.resolve("sub/b.csv")).hasContent("2");
        assertThat(staging).doesNotExist();
        assertThat(namesIn(dir)).containsExactly("out");
    }

    @Test
    void commitReplacesTheWholeOldTargetAndLeavesNothingBehind() throws IOException {
        Path target = dir.resolve("out");
        Files.createDirectories(target.resolve("old-sub"));
        Files.writeString(target.resolve("a.csv"), "old");
        Files.writeString(target.resolve("only-in-old.csv"), "old");
        Files.writeString(target.resolve("old-sub/c.csv"), "old");
        Path staging = AtomicFiles.stagingFolderFor(target);
        Files.writeString(staging.resolve("a.csv"), "new");

        AtomicFiles.commit(staging, target);

        // Replaced, not merged: a file the new run did not write must not survive from the old one.
        assertThat(namesIn(target)).containsExactly("a.csv");
        assertThat(target.resolve("a.csv")).hasContent("new");
        // Neither the staging folder nor the moved-away old output stays next to the target.
        assertThat(namesIn(dir)).containsExactly("out");
    }

    @Test
    void aFailedRunLeavesTheOldOutputUntouchedAndNoHalfWrittenFiles() throws IOException {
        Path target = dir.resolve("out");
        Files.createDirectories(target);
        Files.writeString(target.resolve("a.csv"), "complete");
        Path staging = AtomicFiles.stagingFolderFor(target);
        try {
            Files.writeString(staging.resolve("a.csv"), "half");
            Files.createDirectories(staging.resolve("sub"));
            Files.writeString(staging.resolve("sub/b.csv"), "half");
            throw new IllegalStateException("the run fails half way");
        } catch (IllegalStateException e) {
            AtomicFiles.discard(staging);
        }
        assertThat(staging).doesNotExist();
        assertThat(namesIn(dir)).containsExactly("out");
        assertThat(namesIn(target)).containsExactly("a.csv");
        assertThat(target.resolve("a.csv")).hasContent("complete");
    }

    @Test
    void discardingAStagingFolderThatIsGoneIsNoError() {
        Path staging = AtomicFiles.stagingFolderFor(dir.resolve("out"));
        AtomicFiles.discard(staging);
        AtomicFiles.discard(staging);
        assertThat(staging).doesNotExist();
    }

    @Test
    void commitOfAMissingStagingFolderIntoANewTargetFailsNamingTheTarget() {
        Path target = dir.resolve("out");
        assertThatThrownBy(() -> AtomicFiles.commit(dir.resolve(".gone"), target))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(target.toString());
        assertThat(target).doesNotExist();
    }

    @Test
    void aCommitThatCannotMoveTheNewFolderInPutsTheOldOutputBack() throws IOException {
        Path target = dir.resolve("out");
        Files.createDirectories(target);
        Files.writeString(target.resolve("summary.csv"), "old");
        assertThatThrownBy(() -> AtomicFiles.commit(dir.resolve(".gone"), target))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(target.toString());
        assertThat(target.resolve("summary.csv")).hasContent("old");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(target);
        }
    }
}
