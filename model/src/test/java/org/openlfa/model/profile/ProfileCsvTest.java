package org.openlfa.model.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlfa.core.InputException;
import org.openlfa.core.Season;
import org.openlfa.core.TimeGrid;

class ProfileCsvTest {

    @TempDir
    Path dir;

    /** 288 lines of three columns: the value of line n, column c is n + c / 10. */
    private static List<String> goodLines() {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= ProfileCsv.ROWS; n++) {
            lines.add(n + ".1," + n + ".2," + n + ".3");
        }
        return lines;
    }

    private Path write(List<String> lines) throws IOException {
        Path file = dir.resolve("Winter_Load_Profiles.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private Path writeWith(int lineNo, UnaryOperator<String> change) throws IOException {
        List<String> lines = goodLines();
        lines.set(lineNo - 1, change.apply(lines.get(lineNo - 1)));
        return write(lines);
    }

    @Test
    void readsProfilesByColumnWithBomAndCrLf() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.writeString(file, "\uFEFF" + String.join("\r\n", goodLines()) + "\r\n", StandardCharsets.UTF_8);
        double[][] pool = ProfileCsv.read(file);
        assertThat(pool).hasDimensions(3, 288);
        assertThat(pool[1][0]).isEqualTo(1.2);
        assertThat(pool[2][287]).isEqualTo(288.3);
    }

    @Test
    void nonNumericCellNamesFileLineAndColumn() throws IOException {
        Path file = writeWith(17, l -> "17.1,abc,17.3");
        assertThatThrownBy(() -> ProfileCsv.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(":17:")
                .hasMessageContaining("column 2").hasMessageContaining("a number in kW, got 'abc'")
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.line()).isEqualTo(17);
                    assertThat(ie.field()).isEqualTo("column 2");
                });
    }

    @Test
    void nanAndInfinityAreNotNumbers() throws IOException {
        Path file = writeWith(3, l -> "NaN,1,2");
        assertThatThrownBy(() -> ProfileCsv.read(file)).hasMessageContaining(":3:").hasMessageContaining("column 1");
        Path inf = writeWith(4, l -> "1,Infinity,2");
        assertThatThrownBy(() -> ProfileCsv.read(inf)).hasMessageContaining(":4:").hasMessageContaining("column 2");
    }

    @Test
    void negativeValueIsRejected() throws IOException {
        Path file = writeWith(100, l -> "100.1,100.2,-0.5");
        assertThatThrownBy(() -> ProfileCsv.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining(":100:").hasMessageContaining("column 3")
                .hasMessageContaining("non-negative");
    }

    @Test
    void emptyCellIsAGap() throws IOException {
        Path file = writeWith(5, l -> "5.1,,5.3");
        assertThatThrownBy(() -> ProfileCsv.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining(":5:").hasMessageContaining("column 2").hasMessageContaining("empty cell");
        Path trailing = writeWith(6, l -> "6.1,6.2,");
        assertThatThrownBy(() -> ProfileCsv.read(trailing)).hasMessageContaining(":6:")
                .hasMessageContaining("column 3").hasMessageContaining("empty cell");
    }

    @Test
    void shortOrLongRowIsRejected() throws IOException {
        Path file = writeWith(9, l -> "9.1,9.2");
        assertThatThrownBy(() -> ProfileCsv.read(file)).hasMessageContaining(":9:").hasMessageContaining("column 3")
                .hasMessageContaining("line 1 has 3 columns");
        Path longer = writeWith(10, l -> l + ",4");
        assertThatThrownBy(() -> ProfileCsv.read(longer)).hasMessageContaining(":10:")
                .hasMessageContaining("column 4");
    }

    @Test
    void tooFewRowsIsRejected() throws IOException {
        List<String> lines = goodLines();
        lines.remove(lines.size() - 1);
        Path file = write(lines);
        assertThatThrownBy(() -> ProfileCsv.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining(":288:").hasMessageContaining("column 1")
                .hasMessageContaining("exactly 288 rows").hasMessageContaining("ends after 287");
    }

    @Test
    void tooManyRowsIsRejected() throws IOException {
        List<String> lines = goodLines();
        lines.add("1,2,3");
        Path file = write(lines);
        assertThatThrownBy(() -> ProfileCsv.read(file)).hasMessageContaining(":289:")
                .hasMessageContaining("column 1").hasMessageContaining("exactly 288 rows");
    }

    @Test
    void blankLineInsideTheDataIsAMissingRowButATrailingOneIsFine() throws IOException {
        List<String> lines = goodLines();
        lines.add(50, "");
        Path file = write(lines);
        assertThatThrownBy(() -> ProfileCsv.read(file)).hasMessageContaining(":51:")
                .hasMessageContaining("column 1").hasMessageContaining("empty line");
        List<String> trailing = goodLines();
        trailing.add("");
        assertThat(ProfileCsv.read(write(trailing))).hasDimensions(3, 288);
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("Summer_PV_Profiles.csv");
        assertThatThrownBy(() -> ProfileCsv.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("missing");
    }

    @Test
    void folderWithTheShippedFilesGivesTheBuiltInLibrary() throws IOException {
        copyBuiltIn();
        SeasonalProfileLibrary folder = ProfileLibraries.fromFolder(dir);
        SeasonalProfileLibrary builtIn = ProfileLibraries.builtIn();
        for (ProfileKind kind : ProfileKind.values()) {
            for (Season s : Season.values()) {
                assertThat(folder.dayInKw(kind, 9, s, TimeGrid.QUARTER_HOUR))
                        .containsExactly(builtIn.dayInKw(kind, 9, s, TimeGrid.QUARTER_HOUR));
            }
        }
    }

    @Test
    void folderWithABadFileNamesIt() throws IOException {
        copyBuiltIn();
        Path ev = dir.resolve(ProfileFile.WINTER_EV.fileName());
        List<String> lines = Files.readAllLines(ev, StandardCharsets.UTF_8);
        String[] cells = lines.get(199).split(",", -1);
        cells[41] = "x";
        lines.set(199, String.join(",", cells));
        Files.write(ev, lines, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ProfileLibraries.fromFolder(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining("Winter_EV_Profiles.csv:200: field 'column 42'");
    }

    @Test
    void folderWithMismatchedLoadPoolsIsRejected() throws IOException {
        copyBuiltIn();
        Path summer = dir.resolve(ProfileFile.SUMMER_LOAD.fileName());
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(summer, StandardCharsets.UTF_8)) {
            lines.add(line.substring(0, line.lastIndexOf(',')));
        }
        Files.write(summer, lines, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ProfileLibraries.fromFolder(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining("Summer_Load_Profiles.csv").hasMessageContaining("(100)")
                .hasMessageContaining("got 99");
    }

    @Test
    void folderWithADarkPvProfileIsRejected() throws IOException {
        copyBuiltIn();
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < ProfileCsv.ROWS; n++) {
            lines.add("0,0");
        }
        Files.write(dir.resolve(ProfileFile.SUMMER_PV.fileName()), lines, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ProfileLibraries.fromFolder(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining("Summer_PV_Profiles.csv").hasMessageContaining("column 1");
    }

    private void copyBuiltIn() throws IOException {
        for (ProfileFile file : ProfileFile.values()) {
            try (InputStream in = ProfileLibraries.class.getResourceAsStream(file.fileName())) {
                Files.copy(in, dir.resolve(file.fileName()));
            }
        }
    }
}
