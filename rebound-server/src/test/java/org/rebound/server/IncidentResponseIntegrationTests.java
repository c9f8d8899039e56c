package org.rebound.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rebound.security.Role;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** Incidents, their members, timeline, observables and ATT&CK coverage, on the demo enterprise. */
@SpringBootTest(classes = ReboundServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"rebound.demo=true", "rebound.admin-password=incident-test-admin-password", "rebound.tick-interval=1h"})
class IncidentResponseIntegrationTests extends DemoServerTests {

    private static final String PASSWORD = "incident-test-password";

    private Http admin;

    @BeforeEach
    void team() {
        Map<String, Role> team = Map.of("ian", Role.INCIDENT_COMMANDER, "rita", Role.RESPONDER, "erin", Role.EXECUTIVE,
                "nina", Role.EXTERNAL_PARTNER, "fred", Role.FORENSICS);
        team.forEach((name, role) -> member(name, PASSWORD, role));
        admin = withToken("admin");
    }

    /** Incident commanders need a second factor, so they script with a token. */
    private Http commander() {
        return withToken("ian");
    }

    private Http as(String user) {
        return Http.basic(port, user, PASSWORD);
    }

    private long openIncident(Http lead, String title) {
        HttpResponse<String> opened = lead.postJson("/api/incidents",
                "{\"title\": \"" + title + "\", \"severity\": \"high\", \"tlp\": \"TLP:AMBER\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return read(opened).get("id").asLong();
    }

    @Test
    void onlyMembersSeeAnIncidentAndOnlyWritingRolesChangeIt() {
        Http ian = commander();
        long id = openIncident(ian, "Phishing at the parts centre");

        assertThat(as("rita").get("/api/incidents/" + id).statusCode()).isEqualTo(404);
        assertThat(read(as("rita").get("/api/incidents"))).noneMatch(listed -> listed.get("incident").get("id").asLong() == id);

        ian.postJson("/api/incidents/" + id + "/members", "{\"username\": \"rita\"}");
        ian.postJson("/api/incidents/" + id + "/members", "{\"username\": \"erin\"}");

        JsonNode detail = read(as("rita").get("/api/incidents/" + id));
        assertThat(detail.get("access").asString()).isEqualTo("WRITE");
        assertThat(detail.get("members")).extracting(member -> member.get("username").asString()).containsExactly("erin", "ian", "rita");
        assertThat(as("rita").postJson("/api/incidents/" + id + "/timeline",
                "{\"kind\": \"action\", \"summary\": \"Blocked the phishing domain at the proxy\"}").statusCode()).isEqualTo(201);
        assertThat(as("erin").get("/api/incidents/" + id + "/timeline").statusCode()).isEqualTo(200);
        assertThat(as("erin").postJson("/api/incidents/" + id + "/timeline",
                "{\"kind\": \"note\", \"summary\": \"Executives may only read\"}").statusCode()).isEqualTo(403);
        assertThat(as("rita").patchJson("/api/incidents/" + id, "{\"status\": \"closed\"}").statusCode()).isEqualTo(403);
        assertThat(as("rita").postJson("/api/incidents", "{\"title\": \"Responders do not open incidents\"}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAdministratorOutsideAnIncidentSeesWhoIsInItButNotWhatTheyRecorded() {
        Http ian = commander();
        long id = openIncident(ian, "Insider copying drawings");
        ian.patchJson("/api/incidents/" + id, "{\"summary\": \"An engineer copied PLM drawings to a USB stick\"}");

        JsonNode seenByAdmin = read(admin.get("/api/incidents/" + id));
        HttpResponse<String> timeline = admin.get("/api/incidents/" + id + "/timeline");
        HttpResponse<String> added = admin.postJson("/api/incidents/" + id + "/members", "{\"username\": \"fred\"}");

        assertThat(seenByAdmin.get("access").asString()).isEqualTo("MEMBERSHIP_ONLY");
        assertThat(seenByAdmin.get("incident").get("summary").asString()).isEmpty();
        assertThat(timeline.statusCode()).isEqualTo(403);
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(read(as("fred").get("/api/incidents/" + id)).get("incident").get("summary").asString()).contains("USB stick");
    }

    @Test
    void aPasteIsStoredCanonicallyOnceAndCorrelatedWithTheMembersOtherIncidents() {
        Http ian = commander();
        long first = openIncident(ian, "Credential phishing wave");
        long second = openIncident(ian, "Help desk impersonation");

        HttpResponse<String> pasted = ian.postJson("/api/incidents/" + first + "/observables",
                "{\"text\": \"hxxps://albion-sso[.]com/login\\nEVIL-UPDATE.NET\\nevil-update.net\\n185.220.101.45\", \"tlp\": \"green\"}");
        ian.postJson("/api/incidents/" + second + "/observables", "{\"text\": \"evil-update[.]net\"}");
        HttpResponse<String> again = ian.postJson("/api/incidents/" + first + "/observables", "{\"text\": \"185.220.101.45\"}");

        assertThat(pasted.statusCode()).as(pasted.body()).isEqualTo(200);
        assertThat(read(pasted).get("added").asInt()).isEqualTo(3);
        assertThat(read(pasted).get("repeats").asInt()).isEqualTo(1);
        assertThat(read(again).get("already_known").asInt()).isEqualTo(1);
        List<JsonNode> observables = list(ian.get("/api/incidents/" + first + "/observables"));
        assertThat(observables).extracting(item -> item.get("observable").get("observable").get("value").asString())
                .containsExactlyInAnyOrder("https://albion-sso.com/login", "evil-update.net", "185.220.101.45");
        JsonNode domain = observables.stream()
                .filter(item -> item.get("observable").get("observable").get("type").asString().equals("domain")).findFirst().orElseThrow();
        assertThat(domain.get("defanged").asString()).isEqualTo("evil-update[.]net");
        assertThat(domain.get("also_seen_in")).extracting(JsonNode::asLong).containsExactly(second);
    }

    @Test
    void aPasteWithOneBadLineIsRefusedWholeWithEveryProblemNamed() {
        Http ian = commander();
        long id = openIncident(ian, "Malware on a test bench");

        HttpResponse<String> refused = ian.postJson("/api/incidents/" + id + "/observables",
                "{\"text\": \"185.220.101.45\\nthe attacker phoned twice\\nsha256:abc\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused).get("problems")).extracting(problem -> problem.get("field").asString())
                .containsExactly("line 2", "line 3");
        assertThat(list(ian.get("/api/incidents/" + id + "/observables"))).isEmpty();
    }

    @Test
    void anExternalPartnerInTheIncidentSeesOnlyIndicatorsMarkedForSharing() {
        Http ian = commander();
        long id = openIncident(ian, "Shared with the national agency");
        ian.patchJson("/api/incidents/" + id, "{\"summary\": \"Internal detail: the CFO's laptop was the way in\"}");
        ian.postJson("/api/incidents/" + id + "/observables", "{\"text\": \"45.134.26.17\", \"tlp\": \"green\"}");
        ian.postJson("/api/incidents/" + id + "/observables", "{\"text\": \"ALBION\\\\svc_backup\", \"tlp\": \"amber\"}");
        ian.postJson("/api/incidents/" + id + "/members", "{\"username\": \"nina\"}");

        List<JsonNode> shared = list(as("nina").get("/api/incidents/" + id + "/observables"));

        assertThat(shared).extracting(item -> item.get("observable").get("observable").get("value").asString())
                .containsExactly("45.134.26.17");
        assertThat(as("nina").get("/api/incidents/" + id + "/timeline").statusCode()).isEqualTo(403);
        JsonNode seenByPartner = read(as("nina").get("/api/incidents/" + id));
        assertThat(seenByPartner.get("incident").get("summary").asString()).as("the incident is TLP:AMBER").isEmpty();
        assertThat(seenByPartner.get("members")).isEmpty();
        assertThat(as("nina").get("/api/systems").statusCode()).isEqualTo(403);
    }

    @Test
    void theTimelineMergesResponderEntriesWithSystemStateChangesAndExportsAsCsv() {
        Http ian = commander();
        HttpResponse<String> opened = ian.postJson("/api/incidents", "{\"title\": \"Plant network outage\", \"scenario\": \"ransomware\","
                + " \"started_at\": \"" + Instant.now().minus(Duration.ofHours(1)) + "\"}");
        long id = read(opened).get("id").asLong();
        ian.postJson("/api/incidents/" + id + "/timeline", "{\"kind\": \"decision\", \"summary\": \"Isolate the paint shop\","
                + " \"occurred_at\": \"" + Instant.now().minus(Duration.ofMinutes(30)) + "\", \"technique\": \"t1486\"}");
        admin.postJson("/api/systems/plm/state", "{\"state\": \"isolated\", \"reason\": \"paint shop isolated\"}");

        List<JsonNode> timeline = list(ian.get("/api/incidents/" + id + "/timeline"));
        HttpResponse<String> csv = ian.get("/api/incidents/" + id + "/timeline.csv", "text/csv");

        assertThat(timeline).extracting(item -> item.get("origin").asString()).containsSubsequence("manual", "system-state");
        assertThat(timeline.get(0).get("technique").asString()).isEqualTo("T1486");
        assertThat(timeline).anySatisfy(item -> assertThat(item.get("summary").asString()).isEqualTo("plm isolated: paint shop isolated"));
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body().lines().findFirst()).hasValue("occurred_at,kind,summary,source,technique,recorded_at,recorded_by,origin,counterpart,channel,attachment");
        assertThat(csv.body()).contains("decision,Isolate the paint shop", "plm isolated: paint shop isolated");
        assertThat(list(ian.get("/api/incidents/" + id + "/attack/G1015")))
                .filteredOn(row -> row.get("observed").asBoolean())
                .extracting(row -> row.get("technique").get("id").asString()).containsExactly("T1486");
    }

    @Test
    void everyIncidentChangeIsAudited() {
        Http ian = commander();
        long id = openIncident(ian, "Audited incident");
        ian.postJson("/api/incidents/" + id + "/members", "{\"username\": \"rita\"}");
        ian.postJson("/api/incidents/" + id + "/techniques", "{\"technique\": \"T1621\"}");

        String audit = admin.get("/api/audit?limit=50").body();

        assertThat(audit).contains("\"action\":\"incident.open\"", "\"action\":\"incident.member.add\"",
                "\"action\":\"incident.technique\"", "\"target\":\"incident/" + id + "\"");
    }

    @Test
    void theDemoIncidentIsInProgressWithTimelineIndicatorsAndScatteredSpiderTechniques() {
        JsonNode demo = StreamSupport.stream(read(admin.get("/api/incidents")).spliterator(), false)
                .filter(listed -> listed.get("incident").get("title").asString().startsWith("Ransomware and data theft"))
                .findFirst().orElseThrow().get("incident");
        long id = demo.get("id").asLong();

        String page = admin.getPage("/incidents/" + id).body();

        assertThat(demo.get("status").asString()).isEqualTo("containment");
        assertThat(list(admin.get("/api/incidents/" + id + "/timeline"))).hasSizeGreaterThan(20);
        assertThat(list(admin.get("/api/incidents/" + id + "/observables"))).hasSize(11);
        assertThat(list(admin.get("/api/incidents/" + id + "/evidence"))).hasSize(2);
        assertThat(list(admin.get("/api/incidents/" + id + "/tasks")))
                .extracting(item -> item.get("task").get("status").asString()).contains("done", "in-progress", "open");
        assertThat(page).contains("Reported to the National Cyber Security Centre", "albion-motors-helpdesk[.]com",
                "Scattered Spider (G1015)", "not yet checked", "Report to the national cyber agency");
        assertThat(list(admin.get("/api/incidents/" + id + "/attack/G1015")).stream().filter(row -> row.get("observed").asBoolean()))
                .hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void theIncidentPageFormsAddEntriesAndRefuseBadPastesWithTheLinesNamed() {
        Http rita = as("rita");
        long id = openIncident(commander(), "Forms incident");
        commander().postJson("/api/incidents/" + id + "/members", "{\"username\": \"rita\"}");
        Http browser = Http.anonymous(port);
        browser.logIn("rita", PASSWORD);
        String token = Http.csrfToken(browser.getPage("/incidents/" + id).body());

        browser.postForm("/incidents/" + id + "/timeline", Map.of("kind", "evidence", "summary", "Disk image of the MES server taken",
                "source", "forensics", "occurred_at", "2025-09-02T08:15", "_csrf", token));
        String afterEntry = browser.getPage("/incidents/" + id).body();
        HttpResponse<String> refused = browser.postForm("/incidents/" + id + "/observables",
                Map.of("text", "not an indicator", "tlp", "amber", "_csrf", token));
        String page = browser.getPage("/incidents/" + id).body();

        assertThat(afterEntry).contains("Entry added to the timeline.", "Disk image of the MES server taken");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(page).contains("line 1: not an indicator", "not an indicator</textarea>");
        assertThat(list(rita.get("/api/incidents/" + id + "/timeline")))
                .anySatisfy(item -> {
                    assertThat(item.get("summary").asString()).isEqualTo("Disk image of the MES server taken");
                    assertThat(item.get("occurred_at").asString()).isEqualTo("2025-09-02T08:15:00Z");
                });
    }

    @Test
    void aPlaybookStartsTheIncidentsTasksWhichMembersWorkThroughAndLog() {
        Http ian = commander();
        long id = openIncident(ian, "Second ransomware wave");
        ian.postJson("/api/incidents/" + id + "/members", "{\"username\": \"rita\"}");
        long ransomware = list(ian.get("/api/playbooks")).stream()
                .filter(playbook -> playbook.get("name").asString().equals("Ransomware")).findFirst().orElseThrow().get("id").asLong();

        HttpResponse<String> applied = ian.postJson("/api/incidents/" + id + "/playbooks/" + ransomware, "");
        long isolate = read(applied).get(0).get("id").asLong();
        HttpResponse<String> done = as("rita").patchJson("/api/incidents/" + id + "/tasks/" + isolate, "{\"status\": \"done\"}");
        as("rita").postJson("/api/incidents/" + id + "/tasks/" + isolate + "/log", "{\"note\": \"Plant VLANs shut at the core switches\"}");
        HttpResponse<String> appliedByResponder = as("rita").postJson("/api/incidents/" + id + "/playbooks/" + ransomware, "");

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        assertThat(read(applied).get(0).get("title").asString()).startsWith("Isolate affected systems");
        assertThat(read(applied).get(0).get("assignee").asString()).isEqualTo("network");
        assertThat(read(done).get("status").asString()).isEqualTo("done");
        assertThat(read(done).get("closed_at").isNull()).isFalse();
        List<JsonNode> tasks = list(ian.get("/api/incidents/" + id + "/tasks"));
        assertThat(tasks).hasSize(read(applied).size());
        assertThat(tasks.get(tasks.size() - 1).get("task").get("id").asLong()).as("closed tasks come last").isEqualTo(isolate);
        assertThat(tasks.get(tasks.size() - 1).get("log").get(0).get("note").asString()).isEqualTo("Plant VLANs shut at the core switches");
        assertThat(appliedByResponder.statusCode()).as("a responder does not apply playbooks").isEqualTo(403);
        assertThat(list(ian.get("/api/incidents/" + id + "/timeline"))).extracting(item -> item.get("summary").asString())
                .contains("Task done: " + read(applied).get(0).get("title").asString());
        assertThat(as("rita").patchJson("/api/incidents/" + id + "/tasks/" + isolate, "{\"status\": \"finished\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void playbooksAreEditedAsTextByCommandersAndABadLineRefusesTheWholeEdit() {
        Http ian = commander();

        HttpResponse<String> created = ian.postJson("/api/playbooks", "{\"name\": \"Data theft\", \"steps\":"
                + " \"Find what was taken | forensics | 1d\\nNotify the ICO | dpo | 72h\"}");
        long id = read(created).get("id").asLong();
        HttpResponse<String> refused = ian.put("/api/playbooks/" + id, "application/json", "{\"name\": \"Data theft\", \"steps\":"
                + " \"Find what was taken | forensics | tomorrow\"}");
        HttpResponse<String> byResponder = as("rita").postJson("/api/playbooks", "{\"name\": \"Mine\", \"steps\": \"Do it\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(read(created).get("steps").get(1).get("due_after").asString()).isEqualTo("PT72H");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused).get("problems").get(0).get("field").asString()).isEqualTo("steps line 1");
        assertThat(read(ian.get("/api/playbooks/" + id)).get("text").asString()).contains("Notify the ICO | dpo | 3d");
        assertThat(byResponder.statusCode()).isEqualTo(403);
    }

    @Test
    void anUploadIsHashedAsItStreamsKeptAsADownloadAndItsCustodyOnlyGrows() throws Exception {
        Http ian = commander();
        long id = openIncident(ian, "Evidence handling");
        ian.postJson("/api/incidents/" + id + "/members", "{\"username\": \"fred\"}");
        ian.postJson("/api/incidents/" + id + "/members", "{\"username\": \"erin\"}");
        byte[] image = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(image);
        String expectedHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(image));

        HttpResponse<String> uploaded = multipart(as("fred"), "/api/incidents/" + id + "/evidence", "mes-north-memory.raw", image);
        long item = read(uploaded).get("evidence").get("id").asLong();
        HttpResponse<byte[]> download = as("fred").client().send(as("fred").request("/api/incidents/" + id + "/evidence/" + item + "/file")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> firstHandOver = as("fred").postJson("/api/incidents/" + id + "/evidence/" + item + "/custody",
                "{\"released_by\": \"fred\", \"received_by\": \"Halden Forensics\", \"purpose\": \"memory analysis\"}");
        HttpResponse<String> beforeCollection = as("fred").postJson("/api/incidents/" + id + "/evidence/" + item + "/custody",
                "{\"released_by\": \"a\", \"received_by\": \"b\", \"purpose\": \"c\", \"at\": \"2020-01-01T00:00:00Z\"}");
        HttpResponse<String> byExecutive = multipart(as("erin"), "/api/incidents/" + id + "/evidence", "notes.txt", new byte[] {1});

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(read(uploaded).get("evidence").get("sha256").asString()).isEqualTo(expectedHash);
        assertThat(read(uploaded).get("evidence").get("size_bytes").asLong()).isEqualTo(image.length);
        assertThat(download.body()).isEqualTo(image);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).startsWith("attachment"));
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(firstHandOver.statusCode()).isEqualTo(201);
        assertThat(beforeCollection.statusCode()).isEqualTo(400);
        assertThat(byExecutive.statusCode()).isEqualTo(403);
        JsonNode listed = list(as("erin").get("/api/incidents/" + id + "/evidence")).get(0);
        assertThat(listed.get("custody")).extracting(entry -> entry.get("received_by").asString()).containsExactly("Halden Forensics");
        assertThat(list(ian.get("/api/incidents/" + id + "/timeline"))).extracting(entry -> entry.get("summary").asString())
                .contains("Evidence collected: mes-north-memory.raw (SHA-256 " + expectedHash + ")",
                        "Custody of mes-north-memory.raw: fred to Halden Forensics (memory analysis)");
        assertThat(admin.get("/api/audit?limit=20").body()).contains("\"action\":\"evidence.add\"", expectedHash,
                "\"action\":\"evidence.custody\"");
    }

    @Test
    void evidenceHeldElsewhereIsRecordedByReferenceWithAWellFormedHash() {
        Http ian = commander();
        long id = openIncident(ian, "Evidence by reference");

        HttpResponse<String> recorded = ian.postJson("/api/incidents/" + id + "/evidence/references", "{\"name\": \"esx-07 disk image\","
                + " \"storage_location\": \"Lab safe 2\", \"sha256\": \"A665A45920422F9D417E4867EFDC4FB8A04A1F3FFF1FA07E998E86F7F7A27AE3\"}");
        HttpResponse<String> refused = ian.postJson("/api/incidents/" + id + "/evidence/references",
                "{\"name\": \"esx-08 disk image\", \"sha256\": \"abc\"}");

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(read(recorded).get("evidence").get("sha256").asString())
                .isEqualTo("a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3");
        assertThat(read(recorded).get("evidence").get("stored").asBoolean()).isFalse();
        assertThat(read(refused).get("problems")).extracting(problem -> problem.get("field").asString())
                .containsExactly("storage_location", "sha256");
        assertThat(ian.get("/api/incidents/" + id + "/evidence/" + read(recorded).get("evidence").get("id").asLong() + "/file")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void theDemoIncidentExportsAsAStixBundleThatTheOfficialSchemasAccept() {
        long id = StreamSupport.stream(read(admin.get("/api/incidents")).spliterator(), false)
                .filter(listed -> listed.get("incident").get("title").asString().startsWith("Ransomware and data theft"))
                .findFirst().orElseThrow().get("incident").get("id").asLong();

        HttpResponse<String> exported = admin.get("/api/incidents/" + id + "/stix");
        JsonNode bundle = read(exported);

        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(org.rebound.intel.StixValidator.load().validate(bundle)).isEmpty();
        List<JsonNode> objects = StreamSupport.stream(bundle.get("objects").spliterator(), false).toList();
        assertThat(objects).extracting(object -> object.get("type").asString())
                .contains("identity", "report", "indicator", "attack-pattern", "relationship", "observed-data", "sighting",
                        "domain-name", "marking-definition");
        assertThat(objects).filteredOn(object -> object.get("type").asString().equals("indicator"))
                .extracting(object -> object.get("pattern").asString())
                .contains("[domain-name:value = 'albion-motors-helpdesk.com']",
                        "[file:hashes.'SHA-256' = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08']",
                        "[user-account:account_login = 'ALBION\\\\svc_vcenter_bkp']");
        assertThat(objects).filteredOn(object -> object.get("type").asString().equals("attack-pattern"))
                .extracting(object -> object.get("external_references").get(0).get("external_id").asString()).contains("T1486", "T1566.004");
        assertThat(objects).filteredOn(object -> object.get("type").asString().equals("malware"))
                .extracting(object -> object.get("name").asString()).containsExactly("BlackCat");
        assertThat(objects).filteredOn(object -> object.get("type").asString().equals("tool"))
                .extracting(object -> object.get("name").asString()).containsExactlyInAnyOrder("Rclone", "ConnectWise");
        assertThat(objects).filteredOn(object -> object.get("type").asString().equals("identity"))
                .extracting(object -> object.get("name").asString()).containsExactly("Albion Motors");
        assertThat(exported.headers().firstValue("X-Rebound-Omitted")).hasValue("2");
        assertThat(as("rita").get("/api/incidents/" + id + "/stix").statusCode()).isEqualTo(404);
    }

    @Test
    void anExportedBundleImportsIntoAnotherIncidentWithTheSameIndicatorsAndMarkings() {
        long demo = StreamSupport.stream(read(admin.get("/api/incidents")).spliterator(), false)
                .filter(listed -> listed.get("incident").get("title").asString().startsWith("Ransomware and data theft"))
                .findFirst().orElseThrow().get("incident").get("id").asLong();
        String bundle = admin.get("/api/incidents/" + demo + "/stix").body();
        long copy = openIncident(admin, "Shared by Albion Motors");

        HttpResponse<String> imported = admin.postJson("/api/incidents/" + copy + "/stix", bundle);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(read(imported).get("added").get("added").asInt()).isEqualTo(9);
        Map<String, String> original = markings(list(admin.get("/api/incidents/" + demo + "/observables")));
        Map<String, String> copied = markings(list(admin.get("/api/incidents/" + copy + "/observables")));
        original.remove("phone-number +442079460958");
        original.remove("cryptocurrency-wallet bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
        assertThat(copied).isEqualTo(original);
    }

    @Test
    void anInvalidBundleIsRefusedWholeAndAThreatProfileWithoutObservablesSaysSo() throws Exception {
        long id = openIncident(admin, "Imports");
        String broken = "{\"type\": \"bundle\", \"id\": \"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\", \"objects\": [{\"type\":"
                + " \"indicator\", \"spec_version\": \"2.1\", \"id\": \"indicator--5d0092c5-5f74-4287-9642-33f4c354e56d\", \"created\":"
                + " \"2025-09-01T06:00:00.000Z\", \"modified\": \"2025-09-01T06:00:00.000Z\", \"pattern\": \"[domain-name:value = 'a.com'\","
                + " \"pattern_type\": \"stix\", \"valid_from\": \"2025-09-01T06:00:00Z\"}, {\"type\": \"domain-name\", \"spec_version\":"
                + " \"2.1\", \"id\": \"domain-name--5d0092c5-5f74-5287-9642-33f4c354e56d\", \"value\": \"b.com\"}]}";

        HttpResponse<String> refused = admin.postJson("/api/incidents/" + id + "/stix", broken);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused).get("problems").get(0).get("message").asString()).startsWith("/objects/0/pattern: not a valid STIX pattern");
        assertThat(list(admin.get("/api/incidents/" + id + "/observables"))).isEmpty();

        Path profile = Path.of("../../shared/data/attack/scattered-spider-G1015.stix20-bundle.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(profile),
                "../shared is absent: the STIX 2.0 Scattered Spider bundle part of this test is skipped");
        HttpResponse<String> threatProfile = admin.postJson("/api/incidents/" + id + "/stix", java.nio.file.Files.readString(profile));
        assertThat(threatProfile.statusCode()).isEqualTo(400);
        assertThat(threatProfile.body()).contains("holds no observable Rebound can record");
    }

    @Test
    void theCaseFileHoldsTheRecordAndEvidenceWithChecksumsAnchoredInTheAuditLog() throws Exception {
        Http ian = commander();
        long id = openIncident(ian, "Case for the NCA");
        ian.postJson("/api/incidents/" + id + "/timeline", "{\"kind\": \"communication\", \"summary\": \"Crime reported to the NCA\"}");
        ian.postJson("/api/incidents/" + id + "/observables", "{\"text\": \"evil-update.net\"}");
        byte[] note = "Your files are encrypted.".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long item = read(multipart(ian, "/api/incidents/" + id + "/evidence", "ransom-note.txt", note)).get("evidence").get("id").asLong();
        ian.postJson("/api/incidents/" + id + "/evidence/" + item + "/custody",
                "{\"released_by\": \"ian\", \"received_by\": \"NCA officer 4521\", \"purpose\": \"criminal investigation\"}");

        HttpResponse<byte[]> zip = ian.client().send(ian.request("/api/incidents/" + id + "/case-file.zip?evidence=true").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(files).containsKeys("README.txt", "incident.json", "timeline.csv", "observables.csv", "evidence-manifest.csv",
                "custody.csv", "stix-bundle.json", "evidence/" + item + "-ransom-note.txt", "SHA256SUMS");
        var sha256 = java.security.MessageDigest.getInstance("SHA-256");
        String sums = new String(files.get("SHA256SUMS"), java.nio.charset.StandardCharsets.UTF_8);
        for (String line : sums.strip().split("\n")) {
            String[] parts = line.split("  ", 2);
            assertThat(java.util.HexFormat.of().formatHex(sha256.digest(files.get(parts[1])))).as(parts[1]).isEqualTo(parts[0]);
        }
        assertThat(files.get("evidence/" + item + "-ransom-note.txt")).isEqualTo(note);
        assertThat(new String(files.get("custody.csv"), java.nio.charset.StandardCharsets.UTF_8)).contains("NCA officer 4521");
        String sumsHash = java.util.HexFormat.of().formatHex(sha256.digest(files.get("SHA256SUMS")));
        assertThat(zip.headers().firstValue("X-Case-File-SHA256")).hasValue(sumsHash);
        assertThat(admin.get("/api/audit?limit=10").body()).contains("\"action\":\"incident.case-file\"", sumsHash);
        assertThat(as("rita").get("/api/incidents/" + id + "/case-file.zip").statusCode()).isEqualTo(404);
    }

    @Test
    void aMispEventRoundTripsEveryObservableWithItsIdsFlagAndMarkingAndTheTechniquesAsGalaxyTags() {
        long demo = StreamSupport.stream(read(admin.get("/api/incidents")).spliterator(), false)
                .filter(listed -> listed.get("incident").get("title").asString().startsWith("Ransomware and data theft"))
                .findFirst().orElseThrow().get("incident").get("id").asLong();
        JsonNode event = read(admin.get("/api/incidents/" + demo + "/misp")).get("Event");
        long copy = openIncident(admin, "From MISP");

        HttpResponse<String> imported = admin.postJson("/api/incidents/" + copy + "/misp", "{\"Event\": " + event + "}");

        assertThat(event.get("info").asString()).isEqualTo("Ransomware and data theft across Albion Motors");
        assertThat(event.get("Tag")).extracting(tag -> tag.get("name").asString())
                .contains("tlp:amber", "misp-galaxy:mitre-attack-pattern=\"Spearphishing Voice - T1566.004\"",
                        "misp-galaxy:mitre-malware=\"BlackCat - S1068\"", "misp-galaxy:mitre-tool=\"Rclone - S1040\"");
        assertThat(event.get("Attribute")).extracting(attribute -> attribute.get("type").asString())
                .contains("domain", "ip-dst", "sha256", "regkey", "target-user", "phone-number", "btc", "user-agent");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(markings(list(admin.get("/api/incidents/" + copy + "/observables"))))
                .isEqualTo(markings(list(admin.get("/api/incidents/" + demo + "/observables"))));
    }

    @Test
    void aMispEventsCompositeAttributesGiveBothValuesAndUnknownTypesAreListedAsSkipped() {
        long id = openIncident(admin, "MISP feed");

        HttpResponse<String> imported = admin.postJson("/api/incidents/" + id + "/misp", """
                {"Event": {"info": "Phishing kit", "Tag": [{"name": "tlp:green"}], "Attribute": [
                  {"type": "filename|sha256", "value": "invoice.exe|9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "to_ids": true},
                  {"type": "ip-dst|port", "value": "185.220.101.45|443", "to_ids": true, "Tag": [{"name": "tlp:red"}]},
                  {"type": "mutex", "value": "Global\\\\x1", "to_ids": false}]}}""");
        HttpResponse<String> malformed = admin.postJson("/api/incidents/" + id + "/misp", "{\"Event\": {\"info\": \"x\", \"Attribute\": [{\"value\": \"a\"}]}}");

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(read(imported).get("added").get("added").asInt()).isEqualTo(3);
        assertThat(read(imported).get("skipped").get(0).asString()).contains("mutex");
        assertThat(markings(list(admin.get("/api/incidents/" + id + "/observables")))).containsEntry("ipv4 185.220.101.45", "red ioc")
                .containsEntry("file-name invoice.exe", "green ioc");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("an attribute needs a type and a value");
    }

    @Test
    void aDuplicateIncidentMergesItsWorkAndRecordIntoTheOtherAndStaysReadOnly() throws Exception {
        Http ian = commander();
        long parts = openIncident(ian, "Parts centre outage");
        long duplicate = openIncident(ian, "GPLC warehouse system down");
        ian.postJson("/api/incidents/" + duplicate + "/members", "{\"username\": \"rita\"}");
        ian.postJson("/api/incidents/" + parts + "/observables", "{\"text\": \"evil-update.net\"}");
        ian.postJson("/api/incidents/" + duplicate + "/observables", "{\"text\": \"evil-update.net\\n45.134.26.17\"}");
        ian.postJson("/api/incidents/" + duplicate + "/timeline", "{\"kind\": \"detection\", \"summary\": \"Warehouse scanners offline\"}");
        long task = read(ian.postJson("/api/incidents/" + duplicate + "/tasks", "{\"title\": \"Restart the WMS\"}")).get("id").asLong();
        long evidence = read(multipart(ian, "/api/incidents/" + duplicate + "/evidence", "wms.log", "error".getBytes())).get("evidence").get("id").asLong();

        HttpResponse<String> merged = ian.postJson("/api/incidents/" + duplicate + "/merge", "{\"into\": " + parts + "}");

        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        JsonNode kept = read(ian.get("/api/incidents/" + duplicate)).get("incident");
        assertThat(kept.get("merged_into").asLong()).isEqualTo(parts);
        assertThat(kept.get("status").asString()).isEqualTo("closed");
        assertThat(list(ian.get("/api/incidents/" + parts + "/observables"))).hasSize(2);
        assertThat(list(ian.get("/api/incidents/" + parts + "/tasks"))).extracting(item -> item.get("task").get("id").asLong()).contains(task);
        assertThat(list(ian.get("/api/incidents/" + parts + "/evidence"))).extracting(item -> item.get("evidence").get("id").asLong())
                .contains(evidence);
        assertThat(list(ian.get("/api/incidents/" + parts + "/timeline"))).extracting(item -> item.get("summary").asString())
                .contains("Warehouse scanners offline", "Incident " + duplicate + " (GPLC warehouse system down) merged into this one");
        assertThat(read(as("rita").get("/api/incidents/" + parts)).get("access").asString()).isEqualTo("WRITE");
        assertThat(ian.postJson("/api/incidents/" + duplicate + "/timeline", "{\"kind\": \"note\", \"summary\": \"too late\"}")
                .statusCode()).as("a merged incident is history").isEqualTo(403);
        assertThat(ian.postJson("/api/incidents/" + duplicate + "/merge", "{\"into\": " + parts + "}").statusCode()).isEqualTo(403);
    }

    @Test
    void incidentsNestWithoutCycles() {
        Http ian = commander();
        long campaign = openIncident(ian, "Scattered Spider campaign");
        long plant = openIncident(ian, "North plant encryption");

        HttpResponse<String> nested = ian.put("/api/incidents/" + plant + "/parent", "application/json", "{\"parent\": " + campaign + "}");
        HttpResponse<String> cycle = ian.put("/api/incidents/" + campaign + "/parent", "application/json", "{\"parent\": " + plant + "}");

        assertThat(nested.statusCode()).as(nested.body()).isEqualTo(200);
        assertThat(list(ian.get("/api/incidents/" + campaign + "/children"))).extracting(child -> child.get("id").asLong())
                .containsExactly(plant);
        assertThat(cycle.statusCode()).isEqualTo(400);
        assertThat(cycle.body()).contains("is already part of incident " + campaign);
    }

    @Test
    void commandersReshapeTheWorkflowButCannotDropAStatusAnIncidentIsIn() {
        Http ian = commander();
        long id = openIncident(ian, "Workflow test");
        ian.patchJson("/api/incidents/" + id, "{\"status\": \"containment\"}");
        List<String> original = StreamSupport.stream(read(ian.get("/api/incidents/workflow")).get("statuses").spliterator(), false)
                .map(JsonNode::asString).toList();

        HttpResponse<String> dropped = ian.put("/api/incidents/workflow", "application/json",
                "{\"statuses\": [\"new\", \"triage\", \"closed\"]}");
        HttpResponse<String> byResponder = as("rita").put("/api/incidents/workflow", "application/json",
                "{\"statuses\": [\"new\", \"closed\"]}");
        java.util.List<String> extended = new java.util.ArrayList<>(original);
        extended.add(extended.indexOf("eradication"), "forensics-hold");
        HttpResponse<String> saved = ian.put("/api/incidents/workflow", "application/json",
                "{\"statuses\": [\"" + String.join("\", \"", extended) + "\"]}");
        HttpResponse<String> moved = ian.patchJson("/api/incidents/" + id, "{\"status\": \"forensics-hold\"}");

        assertThat(dropped.statusCode()).isEqualTo(400);
        assertThat(dropped.body()).contains("'containment' is the status of an incident now");
        assertThat(byResponder.statusCode()).isEqualTo(403);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(read(moved).get("status").asString()).isEqualTo("forensics-hold");
        ian.patchJson("/api/incidents/" + id, "{\"status\": \"containment\"}");
        assertThat(ian.put("/api/incidents/workflow", "application/json",
                "{\"statuses\": [\"" + String.join("\", \"", original) + "\"]}").statusCode()).isEqualTo(200);
    }

    @Test
    void aTaskAboutASystemCarriesOutAPlanActivityAndShowsOnTheSystemsPageForMembersOnly() {
        Http ian = commander();
        long id = openIncident(ian, "ERP recovery");
        ian.postJson("/api/incidents/" + id + "/members", "{\"username\": \"rita\"}");

        HttpResponse<String> added = ian.postJson("/api/incidents/" + id + "/tasks",
                "{\"title\": \"Restore the ERP database from the vault\", \"system\": \"hana-db\", \"activity\": \"Restore\"}");
        HttpResponse<String> unknownSystem = ian.postJson("/api/incidents/" + id + "/tasks",
                "{\"title\": \"Rebuild\", \"system\": \"hana-dbb\", \"activity\": \"rebuild\"}");

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(read(added).get("activity").asString()).isEqualTo("restore");
        assertThat(read(unknownSystem).get("problems")).extracting(problem -> problem.get("message").asString())
                .containsExactly("the model has no system 'hana-dbb'", "one of triage|restore|validate, for a task about a system");
        assertThat(as("rita").getPage("/systems/hana-db").body()).contains("Restore the ERP database from the vault", "ERP recovery");
        assertThat(as("erin").getPage("/systems/hana-db").body()).doesNotContain("Restore the ERP database from the vault");
    }

    @Test
    void theCommunicationsLogSaysWithWhomHowAndAttachesWhatWasSent() throws Exception {
        Http ian = commander();
        long id = openIncident(ian, "Regulator contact");
        long letter = read(multipart(ian, "/api/incidents/" + id + "/evidence", "ico-notification.pdf", "%PDF-1.7".getBytes()))
                .get("evidence").get("id").asLong();

        HttpResponse<String> logged = ian.postJson("/api/incidents/" + id + "/timeline", "{\"kind\": \"communication\", \"summary\":"
                + " \"Personal data breach notified to the ICO\", \"counterpart\": \"regulator\", \"channel\": \"portal\", \"attachment\": "
                + letter + "}");
        ian.postJson("/api/incidents/" + id + "/timeline", "{\"kind\": \"decision\", \"summary\": \"No ransom will be paid\"}");
        HttpResponse<String> wrongAttachment = ian.postJson("/api/incidents/" + id + "/timeline", "{\"kind\": \"communication\","
                + " \"summary\": \"x\", \"counterpart\": \"the press\", \"attachment\": 999999}");

        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        List<JsonNode> communications = list(ian.get("/api/incidents/" + id + "/timeline?kind=communication"));
        assertThat(communications).hasSize(1);
        assertThat(communications.get(0).get("counterpart").asString()).isEqualTo("regulator");
        assertThat(communications.get(0).get("channel").asString()).isEqualTo("portal");
        assertThat(communications.get(0).get("attachment").asLong()).isEqualTo(letter);
        assertThat(list(ian.get("/api/incidents/" + id + "/timeline?kind=decision"))).extracting(item -> item.get("summary").asString())
                .containsExactly("No ransom will be paid");
        assertThat(read(wrongAttachment).get("problems")).extracting(problem -> problem.get("field").asString())
                .containsExactly("counterpart", "attachment");
    }

    private static Map<String, String> markings(List<JsonNode> observables) {
        Map<String, String> markings = new java.util.TreeMap<>();
        observables.forEach(item -> {
            JsonNode stored = item.get("observable");
            markings.put(stored.get("observable").get("type").asString() + " " + stored.get("observable").get("value").asString(),
                    stored.get("tlp").asString() + (stored.get("ioc").asBoolean() ? " ioc" : ""));
        });
        return markings;
    }

    private HttpResponse<String> multipart(Http caller, String path, String fileName, byte[] content) {
        return caller.postMultipart(path, Map.of("source", "north-plant-servers"), Map.of("file", Map.entry(fileName, content)));
    }

    private List<JsonNode> list(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(read(response).spliterator(), false).toList();
    }
}
