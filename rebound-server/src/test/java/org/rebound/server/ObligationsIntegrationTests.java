package org.rebound.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rebound.breach.BreachScanner;
import org.rebound.breach.RegisterFiles;
import org.rebound.obligations.application.DeadlineAlerts;
import org.rebound.obligations.persistence.ObligationStore;
import org.rebound.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Notification duties of incidents on the server: computed from the breach registers until facts are
 * recorded, recorded only by DPO/legal and commanders, recomputed on every change, tracked notices,
 * and deadline alerts in the app and by e-mail (to an in-process SMTP server).
 */
@SpringBootTest(classes = ReboundServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rebound.demo=true", "rebound.admin-password=obligations-test-admin-password", "rebound.tick-interval=1h",
                "rebound.obligations.alert-check-interval=1h", "rebound.obligations.alert-mail-to=legal@albion.example",
                "rebound.obligations.alert-mail-from=rebound@albion.example"})
class ObligationsIntegrationTests extends DemoServerTests {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    private static final String PASSWORD = "obligations-test-password";

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @TempDir
    Path dir;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeadlineAlerts alerts;

    @Autowired
    ObligationStore store;

    private Http ian;
    private long incident;

    @BeforeEach
    void incidentWithStolenCustomerData() throws IOException {
        Map.of("ian", Role.INCIDENT_COMMANDER, "dana", Role.DPO_LEGAL, "rita", Role.RESPONDER, "erin", Role.EXECUTIVE,
                "pat", Role.EXTERNAL_PARTNER, "dora", Role.DPO_LEGAL).forEach((name, role) -> member(name, PASSWORD, role));
        ian = withToken("ian");
        incident = read(ian.postJson("/api/incidents", "{\"title\": \"Dealer portal breach\", \"severity\": \"critical\"}")).get("id").asLong();
        for (String member : List.of("dana", "rita", "erin", "pat")) {
            ian.postJson("/api/incidents/" + incident + "/members", "{\"username\": \"" + member + "\"}");
        }
        Path stolen = Files.createDirectories(dir.resolve("stolen"));
        Files.writeString(stolen.resolve("dealer-customers.csv"), """
                customer_id,full_name,email,country,state,passport_no
                D-1,Grace Adeyemi,grace.adeyemi@example.co.uk,GB,,502135326
                D-2,Lukas Becker,lukas.becker@example.de,DE,,C01X00T47
                D-3,Dana Whitaker,dana.whitaker@example.com,US,CA,X12345678
                """);
        Path out = dir.resolve("register");
        new BreachScanner(new BreachScanner.Options(1, null)).scan(List.of(stolen), out, BreachScanner.Progress.NONE);
        HttpResponse<String> imported = as("dana").postMultipart("/api/incidents/" + incident + "/breach/registers", Map.of(),
                Map.of("register", Map.entry("affected-people.json", Files.readAllBytes(out.resolve(RegisterFiles.JSON)))));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    }

    private Http as(String user) {
        return Http.basic(port, user, PASSWORD);
    }

    private String obligations() {
        return "/api/incidents/" + incident + "/obligations";
    }

    private static JsonNode duty(JsonNode report, String rule) {
        for (JsonNode obligation : report.get("obligations")) {
            if (obligation.get("rule").asString().equals(rule)) {
                return obligation;
            }
        }
        throw new AssertionError("no " + rule + " in " + report);
    }

    @Test
    void untilFactsAreRecordedTheDutiesFollowTheBreachRegistersAndTheIncidentsSeverity() {
        JsonNode report = read(as("erin").get(obligations()));

        assertThat(report.get("profile").get("country").asString()).as("the demo set the profile").isEqualTo("GB");
        assertThat(report.get("facts_recorded_at").isNull()).isTrue();
        assertThat(report.get("affected_from_registers").get("DE").asLong()).isEqualTo(1);
        assertThat(report.get("facts").get("affected").get("US-CA").asLong()).isEqualTo(1);
        assertThat(report.get("facts").get("categories").toString()).contains("contact", "government-id");
        assertThat(report.get("facts").get("significant_incident").asBoolean()).as("presumed from critical severity").isTrue();
        Instant awareAt = Instant.parse(report.get("facts").get("aware_at").asString());
        JsonNode gdpr = duty(report, "gdpr-art33");
        assertThat(gdpr.get("status").asString()).isEqualTo("due");
        assertThat(Instant.parse(gdpr.get("deadline").asString())).isEqualTo(awareAt.plus(Duration.ofHours(72)));
        assertThat(duty(report, "us-ca-1798.82").get("status").asString()).isEqualTo("due");
        assertThat(duty(report, "nis2-early-warning").get("status").asString()).isEqualTo("due");
        assertThat(duty(report, "sec-8k-1.05").get("status").asString()).isEqualTo("not-triggered");
    }

    @Test
    void onlyDpoAndCommandersRecordFactsAndEachChangeRecomputesTheDuties() {
        String facts = """
                {"aware_at": "%s", "personal_data": true, "categories": ["contact", "government-id"],
                 "affected": {"GB": 1200, "US-CA": 800}, "high_risk": false, "significant_incident": true}"""
                .formatted(Instant.now().minus(Duration.ofHours(10)).truncatedTo(ChronoUnit.SECONDS));
        HttpResponse<String> byResponder = as("rita").put(obligations() + "/facts", "application/json", facts);
        assertThat(byResponder.statusCode()).as(byResponder.body()).isEqualTo(403);
        assertThat(as("erin").put(obligations() + "/facts", "application/json", facts).statusCode()).isEqualTo(403);
        assertThat(as("dora").put(obligations() + "/facts", "application/json", facts).statusCode())
                .as("a DPO outside the incident does not know it").isEqualTo(404);

        HttpResponse<String> recorded = as("dana").put(obligations() + "/facts", "application/json", facts);

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        JsonNode report = read(recorded);
        assertThat(report.get("facts_recorded_by").asString()).isEqualTo("dana");
        assertThat(report.get("facts").get("affected").get("US-CA").asLong()).as("recorded counts override the registers").isEqualTo(800);
        assertThat(duty(report, "us-ca-1798.82-ag").get("status").asString()).isEqualTo("due");
        assertThat(duty(report, "uk-gdpr-art34").get("status").asString()).as("high risk assessed as not likely").isEqualTo("not-triggered");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'obligations.facts' and target = :target")
                .param("target", "incident/" + incident).query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> wrong = as("dana").put(obligations() + "/facts", "application/json",
                "{\"aware_at\": \"2025-09-02T14:30:00Z\", \"categories\": [\"dna\"], \"affected\": {\"UK\": 3}}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(read(wrong).get("problems").toString()).contains("unknown data category 'dna'", "affected.UK");
        assertThat(read(as("erin").get(obligations())).get("facts").get("affected").get("GB").asLong())
                .as("a rejected change leaves the facts as they were").isEqualTo(1200);
    }

    @Test
    void aMaterialityDecisionStartsTheForm8kClockAndANoticeMarksItsDutyDone() {
        Instant decided = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> material = as("dana").postJson(obligations() + "/materiality",
                "{\"material\": true, \"determined_at\": \"" + decided + "\", \"note\": \"disclosure committee\"}");
        assertThat(material.statusCode()).as(material.body()).isEqualTo(201);
        JsonNode sec = duty(read(material), "sec-8k-1.05");
        assertThat(sec.get("status").asString()).isEqualTo("due");
        assertThat(sec.get("deadline_local").asString()).contains("T17:30:00-0");

        HttpResponse<String> unknown = ian.postJson(obligations() + "/notices", """
                {"rule": "gdpr-art99", "recipient": "BfDI", "channel": "portal", "approved_by": "General Counsel", "sent_at": "%s"}"""
                .formatted(decided));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(read(unknown).get("problems").get(0).get("field").asString()).isEqualTo("rule");
        assertThat(as("rita").postJson(obligations() + "/notices", "{}").statusCode()).isEqualTo(403);

        HttpResponse<String> notice = as("dana").postJson(obligations() + "/notices", """
                {"rule": "gdpr-art33", "recipient": "BfDI", "channel": "portal", "reference": "BfDI-2026-0042",
                 "approved_by": "General Counsel", "sent_at": "%s"}""".formatted(decided));
        assertThat(notice.statusCode()).as(notice.body()).isEqualTo(201);
        long noticeId = read(notice).get("id").asLong();
        JsonNode report = read(as("erin").get(obligations()));
        assertThat(duty(report, "gdpr-art33").get("status").asString()).isEqualTo("done");
        assertThat(duty(report, "gdpr-art33").get("done_at").asString()).isEqualTo(decided.toString());
        assertThat(read(as("erin").get("/api/incidents/" + incident + "/timeline")).toString())
                .contains("Notice under gdpr-art33 sent to BfDI by portal (reference BfDI-2026-0042); approved by General Counsel",
                        "Materiality determination: the incident is material (disclosure committee)");

        HttpResponse<String> acknowledged = as("dana").postJson(obligations() + "/notices/" + noticeId + "/acknowledgement",
                "{\"acknowledged_at\": \"" + decided.plusSeconds(600) + "\", \"text\": \"case 7731 opened\"}");
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        assertThat(read(acknowledged).get("acknowledgement").asString()).isEqualTo("case 7731 opened");
        assertThat(jdbc.sql("select action from audit_log where target like :target order by id")
                .param("target", "incident/" + incident + "/notice/%").query(String.class).list())
                .containsExactly("obligations.notice", "obligations.acknowledgement");
    }

    @Test
    void partnersAndStrangersDoNotSeeTheDuties() {
        assertThat(as("pat").get(obligations()).statusCode()).isEqualTo(403);
        assertThat(as("dora").get(obligations()).statusCode()).isEqualTo(404);
        assertThat(as("dora").get("/api/obligations/open").body()).doesNotContain("Dealer portal breach");
        assertThat(as("erin").get("/api/obligations/open").body()).contains("Dealer portal breach");
    }

    @Test
    void approachingAndPassedDeadlinesRaiseOneAlertEachInTheAppAndByMail() throws Exception {
        String seventyHoursAgo = Instant.now().minus(Duration.ofHours(70)).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(as("dana").put(obligations() + "/facts", "application/json", """
                {"aware_at": "%s", "personal_data": true, "categories": ["contact"], "affected": {"DE": 10},
                 "high_risk": false, "significant_incident": true}""".formatted(seventyHoursAgo)).statusCode()).isEqualTo(200);

        var raised = alerts.raiseDue(Instant.now());
        var again = alerts.raiseDue(Instant.now());

        List<String> mine = raised.stream().filter(alert -> alert.incident() == incident).map(ObligationStore.Alert::message).toList();
        assertThat(mine).anySatisfy(message -> assertThat(message)
                .startsWith("Due within 4 h: Notify the supervisory authority of the personal data breach [gdpr-art33], incident #" + incident));
        assertThat(mine).anySatisfy(message -> assertThat(message)
                .startsWith("OVERDUE: Send the NIS2 early warning [nis2-early-warning], incident #" + incident));
        assertThat(mine).noneMatch(message -> message.startsWith("Due within 24 h: Notify the supervisory authority"));
        assertThat(again).isEmpty();
        assertThat(as("erin").get("/api/obligations/alerts").body()).contains("[gdpr-art33], incident #" + incident);
        assertThat(as("dora").get("/api/obligations/alerts").body()).doesNotContain("incident #" + incident + " ");

        assertThat(MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("legal@albion.example");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("rebound@albion.example");
        assertThat(GreenMailUtil.getBody(mail)).contains("[gdpr-art33], incident #" + incident, "OVERDUE: Send the NIS2 early warning");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'obligations.alert' and target = :target")
                .param("target", "incident/" + incident).query(Long.class).single()).isEqualTo(mine.size());
    }

    @Test
    void thePagesShowTheDutiesAndOfferFormsOnlyToThoseWhoRecord() {
        HttpResponse<String> forDpo = as("dana").getPage("/incidents/" + incident + "/obligations");
        HttpResponse<String> forExecutive = as("erin").getPage("/incidents/" + incident + "/obligations");

        assertThat(forDpo.statusCode()).isEqualTo(200);
        assertThat(forDpo.body()).contains("Notification duties", "data-rule=\"gdpr-art33\"", "Record facts", "Record a notice",
                "Write draft");
        assertThat(forExecutive.statusCode()).isEqualTo(200);
        assertThat(forExecutive.body()).contains("data-rule=\"gdpr-art33\"").doesNotContain("Record facts", "Record a notice",
                "Write draft");
        member("owen", PASSWORD, Role.BUSINESS_OWNER);
        ian.postJson("/api/incidents/" + incident + "/members", "{\"username\": \"owen\"}");
        assertThat(as("owen").getPage("/obligations/deadlines").body())
                .contains("Notification deadlines", "Send the NIS2 early warning", "#" + incident);
        assertThat(as("dana").getPage("/incidents/" + incident + "/breach").body())
                .contains("Breach scope", "Grace Adeyemi");
    }

    @Test
    void aRegulatorReportIsDraftedFromTheFactsAndApprovedOnlyOnceItsInstructionsAreReplaced() {
        String drafts = "/api/incidents/" + incident + "/drafts";
        assertThat(as("rita").postJson(drafts, "{\"rule\": \"gdpr-art33\", \"contact\": \"DPO\"}").statusCode()).isEqualTo(403);
        assertThat(read(as("dana").postJson(drafts, "{\"rule\": \"gdpr-art33\"}")).get("problems").get(0).get("field").asString())
                .isEqualTo("contact");

        HttpResponse<String> written = as("dana").postJson(drafts,
                "{\"rule\": \"gdpr-art33\", \"contact\": \"Priya Shah, Data Protection Officer, dpo@albion.example, +44 20 7946 0000\"}");

        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        JsonNode draft = read(written);
        String body = draft.get("body").asString();
        assertThat(draft.get("template").asString()).isEqualTo("regulator-breach-report");
        assertThat(body).contains("Personal data breach notification under Article 33 of the General Data Protection Regulation",
                "To: The supervisory authority of each member state with affected residents: the competent German data protection authority",
                "Categories of personal data concerned: contact details (names, e-mail addresses, phone numbers, postal addresses);"
                        + " government identifiers",
                "Approximate number of data subjects concerned: 3 (",
                "Priya Shah, Data Protection Officer", "identity theft and fraud", "[NUMBER OF RECORDS, IF KNOWN]");
        String approval = drafts + "/" + draft.get("id").asLong() + "/approval";
        HttpResponse<String> premature = as("dana").postJson(approval, "{}");
        assertThat(premature.statusCode()).isEqualTo(400);
        assertThat(read(premature).get("problems").get(0).get("message").asString()).contains("[NUMBER OF RECORDS, IF KNOWN]");

        String finished = body.replace("[NUMBER OF RECORDS, IF KNOWN]", "3 customer records")
                .replace("[DESCRIBE THE MEASURES TAKEN AND PROPOSED]", "Dealer portal taken offline; passwords reset")
                .replace("[CONFIRM THE DATE]", "by 5 December")
                .replace("[DATE NOT YET ESTABLISHED]", "29 November 2026");
        assertThat(as("dana").put(drafts + "/" + draft.get("id").asLong(), "application/json",
                "{\"body\": " + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(finished) + "}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> approved = ian.postJson(approval, "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(read(approved).get("approved_by").asString()).isEqualTo("ian");
        assertThat(as("dana").put(drafts + "/" + draft.get("id").asLong(), "application/json", "{\"body\": \"changed\"}").statusCode())
                .as("an approved notice is frozen").isEqualTo(400);
        assertThat(read(as("erin").get("/api/incidents/" + incident + "/timeline")).toString())
                .contains("Notice approved: Personal data breach notification (gdpr-art33)");
    }

    @Test
    void anApprovedLetterIsMailMergedToThePeopleOfItsRegionAndPrintedForThoseNotReachedByMail() throws Exception {
        String drafts = "/api/incidents/" + incident + "/drafts";
        JsonNode letter = read(as("dana").postJson(drafts,
                "{\"rule\": \"gdpr-art34\", \"contact\": \"Priya Shah, dpo@albion.example\"}"));
        assertThat(letter.get("template").asString()).isEqualTo("individual-gdpr-notice");
        assertThat(letter.get("body").asString()).contains("Dear {name},", "{data_exposed}.");
        long id = letter.get("id").asLong();
        assertThat(as("dana").postJson(drafts + "/" + id + "/approval", "{}").statusCode()).isEqualTo(200);
        long register = read(as("erin").get("/api/incidents/" + incident + "/breach/registers")).get(0).get("id").asLong();
        assertThat(as("rita").postJson(drafts + "/" + id + "/mail-merge", "{\"register\": " + register + "}").statusCode())
                .isEqualTo(403);
        int mailsBefore = MAIL.getReceivedMessages().length;

        HttpResponse<String> started = ian.postJson(drafts + "/" + id + "/mail-merge", "{\"register\": " + register + "}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String run = "/api/incidents/" + incident + "/letter-runs/" + read(started).get("id").asLong();
        JsonNode progress = read(as("erin").get(run));
        for (int wait = 0; wait < 100 && progress.get("status").asString().equals("running"); wait++) {
            Thread.sleep(100);
            progress = read(as("erin").get(run));
        }
        assertThat(progress.get("status").asString()).isEqualTo("done");
        assertThat(progress.get("sent").asInt()).as("only the German resident is in the EEA").isEqualTo(1);
        assertThat(MAIL.waitForIncomingEmail(5_000, mailsBefore + 1)).isTrue();
        MimeMessage mail = MAIL.getReceivedMessages()[mailsBefore];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("lukas.becker@example.de");
        assertThat(mail.getSubject()).isEqualTo("What happened to your personal data");
        assertThat(GreenMailUtil.getBody(mail)).contains("Dear Lukas Becker,", "your name, your e-mail address", "your passport number")
                .doesNotContain("{name}", "Grace");

        byte[] everyone = download(drafts + "/" + id + "/letters.zip?register=" + register + "&include_mailed=true");
        assertThat(pdfTextOfFirstEntry(everyone)).contains("What happened to your personal data", "Dear Lukas Becker,");
        byte[] notMailed = download(drafts + "/" + id + "/letters.zip?register=" + register);
        assertThat(pdfTextOfFirstEntry(notMailed)).contains("No letters").doesNotContain("Lukas");
        assertThat(jdbc.sql("select action from audit_log where target = :target order by id")
                .param("target", "incident/" + incident + "/draft/" + id).query(String.class).list())
                .containsExactly("notices.draft", "notices.approve", "notices.mail-merge", "notices.print", "notices.print");
    }

    private byte[] download(String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("dana:" + PASSWORD).getBytes()))
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String pdfTextOfFirstEntry(byte[] zip) throws IOException {
        try (var entries = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            assertThat(entries.getNextEntry().getName()).isEqualTo("letters-0001.pdf");
            try (var document = org.apache.pdfbox.Loader.loadPDF(entries.readAllBytes())) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            }
        }
    }

    @Test
    void theOrganisationProfileIsSetByCommandersAndValidated() {
        String albion = "{\"name\": \"Albion Motors\", \"country\": \"GB\", \"nis2\": \"important\", \"sec_registrant\": true,"
                + " \"nis2_member_state\": \"SK\"}";
        assertThat(as("dana").put("/api/organisation", "application/json", albion).statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = ian.put("/api/organisation", "application/json",
                "{\"name\": \"Albion Motors\", \"country\": \"England\", \"nis2\": \"critical\", \"nis2_member_state\": \"NO\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(read(wrong).get("problems").toString()).contains("country", "nis2", "'NO' is not an EU member state");

        HttpResponse<String> saved = ian.put("/api/organisation", "application/json", albion);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(read(as("erin").get("/api/organisation")).get("nis2_member_state").asString()).isEqualTo("SK");
        assertThat(duty(read(as("erin").get(obligations())), "nis2-early-warning").get("recipient").asString())
                .startsWith("National Security Authority (SK-CERT) (Slovakia)");
    }
}
