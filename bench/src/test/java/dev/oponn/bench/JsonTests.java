package dev.oponn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTests {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        String json = Json.write(Map.of("note", "say \"hi\"\\ \n\t\u0001 </script>"));

        assertThat(json).contains("\"say \\\"hi\\\"\\\\ \\n\\t\\u0001 </script>\"");
    }

    @Test
    void missingFiguresAreNullNeverNaN() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("votes_per_s", Double.NaN);
        figures.put("lost_votes", null);
        figures.put("inf", Double.POSITIVE_INFINITY);

        assertThat(Json.write(figures))
                .contains("\"votes_per_s\": null")
                .contains("\"lost_votes\": null")
                .contains("\"inf\": null")
                .doesNotContain("NaN")
                .doesNotContain("Infinity");
    }

    @Test
    void keepsKeyOrderAndWritesNumbersBooleansListsAndArrays() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("commit", "abc1234");
        report.put("passed", true);
        report.put("votes_per_s", 1234.5678);
        report.put("count", 42L);
        report.put("whole", 3.0);
        report.put("series", new long[] {1, 2, 3});
        report.put("nested", List.of(Map.of("a", 1)));
        report.put("empty", Map.of());

        String json = Json.write(report);

        assertThat(json.indexOf("commit")).isLessThan(json.indexOf("passed"));
        assertThat(json)
                .contains("\"passed\": true")
                .contains("\"votes_per_s\": 1234.568")
                .contains("\"count\": 42")
                .contains("\"whole\": 3")
                .contains("\"series\": [1, 2, 3]")
                .contains("\"a\": 1")
                .contains("\"empty\": {}");
    }

    @Test
    void outputIsBalanced() {
        Map<String, Object> deep = Map.of("a", List.of(Map.of("b", List.of(1, 2)), Map.of("c", "]}")));
        String json = Json.write(deep).replace("\"]}\"", "\"\"");

        long opens = Arrays.stream(json.split(""))
                .filter(c -> c.equals("{") || c.equals("["))
                .count();
        long closes = Arrays.stream(json.split(""))
                .filter(c -> c.equals("}") || c.equals("]"))
                .count();
        assertThat(opens).isEqualTo(closes);
    }
}
