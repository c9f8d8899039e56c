package org.rebound.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rebound.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The post-incident and executive reports of the demo incident, as PDF and HTML, and who may take them. */
@SpringBootTest(classes = ReboundServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rebound.demo=true", "rebound.admin-password=reports-test-admin-password", "rebound.tick-interval=1h",
                "rebound.obligations.alert-check-interval=1h"})
class IncidentReportsIntegrationTests extends DemoServerTests {

    private static final String PASSWORD = "reports-test-password";

    @Autowired
    JdbcClient jdbc;

    private Http admin;
    private String bearer;
    private long incident;

    @BeforeEach
    void theDemoIncidentWithAnExecutiveAmongItsMembers() {
        Map.of("erin", Role.EXECUTIVE, "dora", Role.DPO_LEGAL).forEach((name, role) -> member(name, PASSWORD, role));
        var token = tokens.issue("admin", "reports test", org.rebound.security.ApiTokens.WRITE, java.time.Duration.ofHours(1));
        bearer = token.value();
        admin = Http.bearer(port, bearer);
        incident = read(admin.get("/api/incidents")).get(0).get("incident").get("id").asLong();
        admin.postJson("/api/incidents/" + incident + "/members", "{\"username\": \"erin\"}");
    }

    private HttpResponse<byte[]> download(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        request.header("Authorization", user == null ? "Bearer " + bearer
                : "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes()));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void thePostIncidentReportIsAPdfWithEverySectionChartsAndTheLessonsLearned() throws Exception {
        String lessons = "The service desk reset MFA on a phone call: require a video call and the manager's approval."
                + " Thanks to Łukasz Żółć and Ελένη for the night shifts.";
        assertThat(admin.put("/api/incidents/" + incident + "/report/lessons", "application/json",
                "{\"lessons\": \"" + lessons + "\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> plan = admin.postJson("/api/plans", "{\"engine\": \"heuristic\", \"reason\": \"first plan of the report test\"}");
        assertThat(plan.statusCode()).as(plan.body()).isIn(200, 201);

        HttpResponse<byte[]> pdf = download("/api/incidents/" + incident + "/report?format=pdf", null);

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("incident-" + incident + "-post-incident-report.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).doesNotContain("Vehicle production, North plant — — not yet");
            assertThat(text).contains("Post-incident report: Ransomware and data theft across Albion Motors", "TLP:AMBER",
                    "Business impact", "Processes interrupted", "Recovery: plan against actual", "Timeline",
                    "Caller posing as a plant engineer", "Spearphishing Voice", "Indicators of compromise", "185[.]220[.]101[.]45",
                    "Notification duties", "uk-gdpr-art33", "ICO/IC-401287", "Lessons learned", "Łukasz Żółć", "Ελένη");
            int images = 0;
            for (var page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    images += page.getResources().getXObject(name) instanceof PDImageXObject ? 1 : 0;
                }
            }
            assertThat(images).as("the loss curve and the processes-down-per-day chart").isEqualTo(2);
        }
        assertThat(jdbc.sql("select detail from audit_log where action = 'report.export' and target = :target and actor = 'admin'")
                .param("target", "incident/" + incident).query(String.class).list())
                .anySatisfy(detail -> assertThat(detail).startsWith("incident-" + incident + "-post-incident-report.pdf ("));
    }

    @Test
    void theExecutiveStatusFitsOnOnePage() throws Exception {
        HttpResponse<byte[]> pdf = download("/api/incidents/" + incident + "/report?kind=executive&format=pdf", "erin");

        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Status for the board", "business loss so far", "Costliest interruptions", "Next notification deadlines");
        }
    }

    @Test
    void theHtmlReportIsOneSelfContainedFileUnderAPolicyThatAllowsNoScript() throws Exception {
        HttpResponse<byte[]> html = download("/api/incidents/" + incident + "/report?format=html", "erin");

        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().allValues("Content-Security-Policy"))
                .containsExactly("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
        String body = new String(html.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).contains("<img class=\"chart\" src=\"data:image/png;base64,", "Recovery: plan against actual")
                .doesNotContain("<script", "href=\"/css");
    }

    @Test
    void onlyMembersTakeReportsAndOnlyWritersChangeTheLessons() throws Exception {
        assertThat(download("/api/incidents/" + incident + "/report", "dora").statusCode()).isEqualTo(404);
        assertThat(download("/api/incidents/" + incident + "/report?format=docx", null).statusCode()).isEqualTo(400);
        HttpResponse<String> byExecutive = Http.basic(port, "erin", PASSWORD).put("/api/incidents/" + incident + "/report/lessons",
                "application/json", "{\"lessons\": \"executives read\"}");
        assertThat(byExecutive.statusCode()).isEqualTo(403);
        assertThat(Http.basic(port, "erin", PASSWORD).getPage("/incidents/" + incident + "/reports").body())
                .contains("Post-incident report", "Executive one-page status").doesNotContain("Save lessons learned");
    }
}
