package dev.oponn.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.oponn.support.Device;
import dev.oponn.support.Device.Response;
import dev.oponn.support.Flows;
import dev.oponn.support.OponnTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Exports for whoever may see the counts, the QR code of the vote link, and the owner's share block. */
@OponnTest
class ExportAndShareTests {

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void csvExportIsRfc4180WithAHeaderRowAndNeutralisesFormulaCells() {
        Device owner = new Device(port);
        String ballot = Flows.createBallot(owner, "=cmd|' /C calc'!A0", "plain, +sum", true);
        Flows.vote(new Device(port), ballot, "1");
        Flows.vote(new Device(port), ballot, "2");
        Flows.writeIn(new Device(port), ballot, "=HYPERLINK(\"http://evil\")");
        Flows.writeIn(new Device(port), ballot, "@SUM(1+1), \"quoted\"");

        Response csv = owner.get("/results/" + ballot + "/export.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv").contains("UTF-8");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"oponn-results-" + ballot + ".csv\"");
        assertThat(csv.body()).startsWith("option,votes,percent\r\n");
        List<CsvRecord> rows =
                CsvReader.builder().ofCsvRecord(csv.body()).stream().toList();
        assertThat(rows.getFirst().getFields()).containsExactly("option", "votes", "percent");
        assertThat(rows).allSatisfy(row -> assertThat(row.getFieldCount()).isEqualTo(3));
        assertThat(rows.get(1).getFields()).containsExactly("plain", "1", "25.0");
        assertThat(rows.get(2).getFields()).containsExactly("'+sum", "1", "25.0");
        assertThat(rows.get(3).getFields()).containsExactly("'=HYPERLINK(\"http://evil\")", "1", "25.0");
        assertThat(rows.get(4).getFields()).containsExactly("'@SUM(1+1), \"quoted\"", "1", "25.0");
        assertThat(rows.get(5).getFields()).containsExactly("#question", "'=cmd|' /C calc'!A0", "");
        assertThat(rows.get(6).getFields()).containsExactly("#status", "active", "");
        assertThat(rows.get(7).getField(0)).isEqualTo("#starts_at");
        assertThat(rows.get(8).getFields()).containsExactly("#ends_at", "", "");
    }

    @Test
    void jsonExportCarriesTheBallotTheCountsTheTallyVersionAndWhenItWasRead() {
        Device owner = new Device(port);
        String ballot = Flows.createBallot(owner, "Lunch?", "soup, salad", false);
        Flows.vote(new Device(port), ballot, "2");
        Flows.vote(new Device(port), ballot, "2");
        Flows.vote(new Device(port), ballot, "1");

        Response response = owner.get("/results/" + ballot + "/export.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"oponn-results-" + ballot + ".json\"");
        JsonNode export = json.readTree(response.body());
        assertThat(export.get("question").asString()).isEqualTo("Lunch?");
        assertThat(export.get("status").asString()).isEqualTo("active");
        assertThat(export.get("startsAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(export.get("endsAt").isNull()).isTrue();
        assertThat(export.get("tallyVersion").asLong()).isEqualTo(3);
        assertThat(export.get("totalVotes").asLong()).isEqualTo(3);
        assertThat(export.get("readAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode options = export.get("options");
        assertThat(options.get(0).get("label").asString()).isEqualTo("soup");
        assertThat(options.get(0).get("votes").asLong()).isEqualTo(1);
        assertThat(options.get(0).get("percent").asDouble()).isEqualTo(33.3);
        assertThat(options.get(1).get("votes").asLong()).isEqualTo(2);
        assertThat(options.get(1).get("percent").asDouble()).isEqualTo(66.7);
    }

    @Test
    void theQrCodeDecodesToTheAbsoluteVoteUrl() throws Exception {
        String ballot = Flows.createBallot(new Device(port), "Scan me", "a, b", false);

        Response svg = new Device(port).get("/ballots/" + ballot + "/qr.svg");

        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.body()).doesNotContain("<script").containsOnlyOnce("<path ");
        assertThat(decode(svg.body())).isEqualTo("http://127.0.0.1:" + port + "/vote/" + ballot);
        assertThat(new Device(port).get("/ballots/nope/qr.svg").status()).isEqualTo(404);
    }

    @Test
    void theManagePageSharesTheVoteLinkWithACopyButtonAndTheQrCode() {
        Device guest = new Device(port);
        String ballot = Flows.createBallot(guest, "Share?", "a, b", false);
        String link = Flows.manageLink(guest, ballot);

        Document manage = guest.get(link.replaceFirst("^http://[^/]+", "")).html();

        assertThat(manage.select("[data-vote-link]").text()).isEqualTo("http://127.0.0.1:" + port + "/vote/" + ballot);
        assertThat(manage.select("button[data-copy]").attr("data-copy"))
                .isEqualTo(manage.selectFirst("[data-vote-link]").id());
        assertThat(manage.select("img.qr").attr("src")).isEqualTo("/ballots/" + ballot + "/qr.svg");
        assertThat(manage.select("a[data-export=csv]").attr("href")).isEqualTo("/results/" + ballot + "/export.csv");
        assertThat(manage.select("a[data-export=json]").attr("href")).isEqualTo("/results/" + ballot + "/export.json");
        assertThat(guest.get("/vote/" + ballot).html().select("[data-owner-share]"))
                .as("a voter's vote page shares nothing")
                .isEmpty();
    }

    @Test
    void aGuestCreatorsFirstViewOfTheVotePageSharesTheLinkBesideTheManageLink() {
        Device guest = new Device(port);
        String ballot = Flows.createBallot(guest, "Share at once?", "a, b", false);

        Document first = guest.get("/vote/" + ballot).html();

        assertThat(first.select("[data-notice=manage_link] a[data-notice-link]"))
                .hasSize(1);
        assertThat(first.select("[data-owner-share] [data-vote-link]").text())
                .isEqualTo("http://127.0.0.1:" + port + "/vote/" + ballot);
        assertThat(first.select("[data-owner-share] img.qr").attr("src")).isEqualTo("/ballots/" + ballot + "/qr.svg");
        assertThat(new Device(port).get("/vote/" + ballot).html().select("[data-owner-share]"))
                .as("a voter's vote page shares nothing")
                .isEmpty();
    }

    /** The text of the QR code an SVG from {@code /ballots/{id}/qr.svg} draws, as a phone's scanner reads it. */
    static String decode(String svg) throws Exception {
        return new QRCodeReader()
                .decode(bitmap(rasterise(svg)), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }

    /** Draws the SVG's unit squares ({@code M x,y h1v1h-1z}) onto an image, 8 pixels a module. */
    private static BufferedImage rasterise(String svg) {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int modules = Integer.parseInt(box.group(1));
        int scale = 8;
        BufferedImage image = new BufferedImage(modules * scale, modules * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher square = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            g.fillRect(
                    Integer.parseInt(square.group(1)) * scale, Integer.parseInt(square.group(2)) * scale, scale, scale);
        }
        g.dispose();
        return image;
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new BinaryBitmap(new HybridBinarizer(source));
    }
}
