package dev.oponn.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.Device;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A database dump learns nothing of what a ballot asks or what people wrote in. */
@OponnTest
class NothingReadableAtRestTests {

    static final String MEASURE = "Quokka-Zanzibar measure 7F3A: should the ferry run on Sundays?";
    static final List<String> OPTIONS = List.of("Aardvark-Option-91QX", "Bilby Ørsted-55ZT");
    static final String WRITE_IN = "Capybara write-in Ñandú 18KJ";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noColumnOfAnyTableHoldsBallotTextOrWriteIns() {
        Device device = new Device(port);
        String id = Flows.createBallot(device, MEASURE, String.join(", ", OPTIONS), true);
        assertThat(Flows.vote(new Device(port), id, "1").status()).isEqualTo(303);
        assertThat(Flows.writeIn(new Device(port), id, WRITE_IN).status()).isEqualTo(303);
        assertThat(Flows.writeIn(new Device(port), id, WRITE_IN.toUpperCase(Locale.ROOT))
                        .status())
                .isEqualTo(303);
        String page = device.get("/results/" + id).body();
        assertThat(page).contains(OPTIONS.get(1)).contains(WRITE_IN);

        List<String> needles = new ArrayList<>(List.of(MEASURE, "Quokka-Zanzibar", "ferry run", WRITE_IN, "Capybara"));
        needles.addAll(OPTIONS);
        needles.add("Aardvark");
        for (String needle : needles) {
            assertThat(columnsContaining(needle))
                    .as("columns holding %s", needle)
                    .isEmpty();
            assertThat(columnsContaining(needle.toLowerCase(Locale.ROOT)))
                    .as("columns holding %s in lower case", needle)
                    .isEmpty();
        }
        assertThat(columnsContaining(id))
                .as("the scan does find what is stored readable: the ballot id")
                .contains("public.ballot.id", "public.ballot_option.ballot_id", "public.ballot_key.ballot_id");
    }

    /** Every text-like and bytea column of every table, searched for the text as characters and as UTF-8 bytes. */
    private List<String> columnsContaining(String needle) {
        List<Column> columns = jdbc.sql("""
                        SELECT table_schema, table_name, column_name, data_type
                        FROM information_schema.columns
                        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                          AND data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'name',
                                            'ARRAY', 'USER-DEFINED')
                        """).query(Column.class).list();
        assertThat(columns)
                .extracting(Column::qualified)
                .contains("public.ballot.measure", "public.ballot_option.label");
        List<String> hits = new ArrayList<>();
        for (Column column : columns) {
            String value = column.dataType().equals("bytea")
                    ? "\"" + column.columnName() + "\""
                    : "convert_to(\"" + column.columnName() + "\"::text, 'UTF8')";
            long found = jdbc.sql("SELECT count(*) FROM \"%s\".\"%s\" WHERE position(:needle IN %s) > 0"
                            .formatted(column.tableSchema(), column.tableName(), value))
                    .param("needle", needle.getBytes(StandardCharsets.UTF_8))
                    .query(Long.class)
                    .single();
            if (found > 0) {
                hits.add(column.qualified());
            }
        }
        return hits;
    }

    record Column(String tableSchema, String tableName, String columnName, String dataType) {

        String qualified() {
            return tableSchema + "." + tableName + "." + columnName;
        }
    }
}
