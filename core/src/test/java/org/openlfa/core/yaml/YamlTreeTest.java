package org.openlfa.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openlfa.core.InputException;
import org.openlfa.core.yaml.YamlTree.ListNode;
import org.openlfa.core.yaml.YamlTree.MapNode;
import org.openlfa.core.yaml.YamlTree.ScalarNode;

class YamlTreeTest {

    static MapNode parse(String yaml) {
        return YamlTree.parse("study.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyNodeKnowsItsFileAndLine() {
        MapNode root = parse("""
                name: demo
                # a comment
                penetration:
                  pvShare: 0.3
                  evShare: 0.1
                bands:
                  - 1
                  - 2.5
                """);
        assertThat(root.source()).isEqualTo("study.yaml");
        assertThat(root.keyLines()).containsEntry("name", 1).containsEntry("penetration", 3).containsEntry("bands", 6);
        MapNode penetration = (MapNode) root.entries().get("penetration");
        assertThat(penetration.keyLines()).containsEntry("pvShare", 4).containsEntry("evShare", 5);
        ScalarNode pv = (ScalarNode) penetration.entries().get("pvShare");
        assertThat(pv.text()).isEqualTo("0.3");
        assertThat(pv.isNumber()).isTrue();
        assertThat(pv.line()).isEqualTo(4);
        ListNode bands = (ListNode) root.entries().get("bands");
        assertThat(bands.items()).extracting(n -> n.line()).containsExactly(7, 8);
        assertThat(((ScalarNode) root.entries().get("name")).isNumber()).isFalse();
    }

    @Test
    void keysKeepTheirFileOrder() {
        MapNode root = parse("b: 1\na: 2\nc: 3\n");
        assertThat(root.entries().keySet()).containsExactly("b", "a", "c");
    }

    @Test
    void aRepeatedKeyIsAnErrorNamingItsFullPathAndLine() {
        assertThatThrownBy(() -> parse("""
                penetration:
                  pvShare: 0.3
                  pvShare: 0.4
                """)).isInstanceOf(InputException.class)
                .hasMessage("study.yaml:3: field 'penetration.pvShare': each key once, this one is repeated")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(3));
    }

    @Test
    void anEmptyFileIsAnErrorAtLineOne() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("study.yaml:1: ").hasMessageContaining("empty");
    }

    @Test
    void theTopLevelMustBeAMapping() {
        assertThatThrownBy(() -> parse("- a\n- b\n")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("study.yaml:1: ").hasMessageContaining("mapping");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> parse("a: 1\nb: [1, 2\nc: 3\n")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("study.yaml:").hasMessageContaining("well-formed YAML")
                .satisfies(e -> assertThat(((InputException) e).line()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void mergeReplacesScalarsAndListsAndMergesMapsKeyByKey() {
        MapNode base = parse("""
                a:
                  x: 1
                  y: 2
                list: [1, 2]
                keep: yes
                """);
        MapNode over = YamlTree.parse("override.yaml", new ByteArrayInputStream("""
                a:
                  y: 20
                  z: 30
                list: [3]
                """.getBytes(StandardCharsets.UTF_8)));
        MapNode merged = YamlTree.merge(base, over);
        MapNode a = (MapNode) merged.entries().get("a");
        assertThat(a.entries().keySet()).containsExactly("x", "y", "z");
        assertThat(((ScalarNode) a.entries().get("x")).text()).isEqualTo("1");
        assertThat(((ScalarNode) a.entries().get("y")).text()).isEqualTo("20");
        // A value that came from the override points at the override file.
        assertThat(a.entries().get("y").source()).isEqualTo("override.yaml");
        assertThat(a.entries().get("x").source()).isEqualTo("study.yaml");
        assertThat(((ListNode) merged.entries().get("list")).items()).hasSize(1);
        assertThat(merged.entries()).containsKey("keep");
    }
}
