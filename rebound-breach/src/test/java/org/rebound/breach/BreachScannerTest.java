package org.rebound.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreachScannerTest {

    @TempDir
    Path folder;

    private final BreachScanner scanner = new BreachScanner(new BreachScanner.Options(2, null));

    private List<AffectedPerson> scan(Path... inputs) throws IOException {
        Path out = folder.resolve("out");
        scanner.scan(List.of(inputs), out, BreachScanner.Progress.NONE);
        return RegisterFiles.readJson(out.resolve(RegisterFiles.JSON));
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content, StandardCharsets.UTF_8);
    }

    private Path write(String name, String content, Charset charset) throws IOException {
        Path file = folder.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content.getBytes(charset));
        return file;
    }

    @Test
    void mergesTheRecordsOfOnePersonAcrossFilesByEmailPhoneAndCustomerId() throws IOException {
        write("customers.csv", """
                customer_id,first_name,last_name,email,phone,country
                C-1001,Aisha,Okafor,Aisha.Okafor@example.co.uk,020 7946 0958,GB
                C-1002,Tomás,Novak,tomas.novak@example.cz,+420 601 123 456,CZ
                """);
        write("orders.jsonl", """
                {"order": "SO-77", "customer_id": "C-1001", "delivery": {"postcode": "SW1A 1AA"}, "card": "4539 1488 0343 6467"}
                {"order": "SO-78", "email": "TOMAS.NOVAK@example.cz", "vin": "1M8GDM9AXKP042788"}
                """);
        write("service.sql", """
                INSERT INTO `service_history` (`id`, `owner_phone`, `notes`) VALUES (1,'+44 20 7946 0958','Brake pads replaced');
                """);

        List<AffectedPerson> people = scan(folder.resolve("in"));

        assertThat(people).hasSize(2);
        AffectedPerson aisha = people.stream().filter(p -> p.names().contains("Aisha Okafor")).findFirst().orElseThrow();
        assertThat(aisha.emails()).containsExactly("aisha.okafor@example.co.uk");
        assertThat(aisha.phones()).containsExactly("+442079460958");
        assertThat(aisha.countries()).containsExactly("GB");
        assertThat(aisha.categoryIds()).contains("name", "email", "phone", "postcode", "payment-card");
        assertThat(aisha.sources()).extracting(Source::line).hasSize(3);
        assertThat(aisha.sources()).extracting(source -> Path.of(source.file().split("#")[0]).getFileName().toString())
                .containsExactly("customers.csv", "orders.jsonl", "service.sql");
        AffectedPerson tomas = people.stream().filter(p -> p.names().contains("Tomás Novak")).findFirst().orElseThrow();
        assertThat(tomas.categoryIds()).contains("vin");
        assertThat(tomas.countries()).containsExactly("CZ");
    }

    @Test
    void ordersNestedInACustomerObjectAreAttributedToThatCustomerWhereverItsIdentifiersStand() throws IOException {
        write("crm-export.json", """
                [
                  {"customer_id": "C-2001", "email": "grace.adeyemi@example.co.uk",
                   "orders": [{"order": "SO-1", "card": "4539 1488 0343 6467"},
                              {"order": "SO-2", "iban": "GB33BUKB20201555555555"}]},
                  {"orders": [{"order": "SO-3", "card": "4111 1111 1111 1111"}],
                   "name": "Lukas Becker", "email": "lukas.becker@example.de", "tags": ["fleet", "vip"]}
                ]
                """);

        List<AffectedPerson> people = scan(folder.resolve("in"));

        assertThat(people).hasSize(2);
        AffectedPerson grace = people.stream().filter(p -> p.emails().contains("grace.adeyemi@example.co.uk")).findFirst().orElseThrow();
        assertThat(grace.categoryIds()).contains("email", "payment-card", "iban");
        assertThat(grace.sources()).extracting(source -> source.file().replaceAll(".*crm-export", "crm-export") + ":" + source.line())
                .containsExactlyInAnyOrder("crm-export.json:2", "crm-export.json#orders:3", "crm-export.json#orders:4");
        AffectedPerson lukas = people.stream().filter(p -> p.emails().contains("lukas.becker@example.de")).findFirst().orElseThrow();
        assertThat(lukas.categoryIds()).as("the email after the array still links the order").contains("name", "email", "payment-card");
    }

    @Test
    void peopleWhoOnlyShareANameStayApart() throws IOException {
        write("people.csv", """
                name,date_of_birth,postcode
                John Smith,1980-04-02,LS1 4AP
                John Smith,1975-11-30,M1 1AE
                John Smith,1980-04-02,B1 1AA
                """);
        List<AffectedPerson> people = scan(folder.resolve("in"));
        assertThat(people).hasSize(2);
        assertThat(people).extracting(p -> p.sources().size()).containsExactlyInAnyOrder(2, 1);
    }

    @Test
    void readsDelimitedTextWhateverItsDelimiterQuotingAndEncoding() throws IOException {
        write("latin.csv", "Name;E-Mail;Stra\u00dfe\nJ\u00fcrgen M\u00fcller;juergen@example.de;\"Hauptstra\u00dfe 5\n10115 Berlin\"\n"
                + "Zo\u00eb Br\u00e4uer;zoe@example.de;Unter den Linden 1\n", Charset.forName("windows-1252"));
        write("utf16.tsv", "\uFEFFname\temail\nChlo\u00e9 Martin\tchloe@example.fr\n", StandardCharsets.UTF_16LE);

        List<AffectedPerson> people = scan(folder.resolve("in"));

        assertThat(people).flatExtracting(AffectedPerson::names)
                .containsExactlyInAnyOrder("J\u00fcrgen M\u00fcller", "Zo\u00eb Br\u00e4uer", "Chlo\u00e9 Martin");
        AffectedPerson zoe = people.stream().filter(p -> p.emails().contains("zoe@example.de")).findFirst().orElseThrow();
        assertThat(zoe.sources()).extracting(Source::line).as("the quoted address spans lines 2 and 3").containsExactly(4L);
    }

    @Test
    void readsExcelSheetsAndSqlDumpsFromMySqlAndPostgres() throws IOException {
        Path workbook = folder.resolve("in").resolve("dealers.xlsx");
        Files.createDirectories(workbook.getParent());
        try (OutputStream out = Files.newOutputStream(workbook); Workbook book = new Workbook(out, "Rebound", "1.0")) {
            Worksheet sheet = book.newWorksheet("Contacts");
            sheet.value(0, 0, "Contact name");
            sheet.value(0, 1, "Mobile");
            sheet.value(1, 0, "Priya Patel");
            sheet.value(1, 1, "+44 7700 900456");
        }
        write("crm.sql", """
                -- MySQL dump 10.13
                CREATE TABLE `customers` (
                  `id` int NOT NULL,
                  `full_name` varchar(80),
                  `email` varchar(120),
                  PRIMARY KEY (`id`)
                );
                INSERT INTO `customers` VALUES (1,'Seán O\\'Brien','sean@example.ie'),(2,'Ana, Lima','ana@example.pt');
                """);
        write("loyalty.pgdump", """
                --
                -- PostgreSQL database dump
                --
                COPY public.members (member_id, email, date_of_birth) FROM stdin;
                M-1\tli.wei@example.cn\t1990-02-14
                M-2\t\\N\t1985-07-01
                \\.
                """);

        List<AffectedPerson> people = scan(folder.resolve("in"));

        assertThat(people).flatExtracting(AffectedPerson::names).contains("Priya Patel", "Seán O'Brien", "Ana, Lima");
        assertThat(people).flatExtracting(AffectedPerson::emails).contains("li.wei@example.cn", "sean@example.ie");
        assertThat(people).flatExtracting(AffectedPerson::phones).contains("+447700900456");
        assertThat(people).flatExtracting(AffectedPerson::sources).extracting(Source::file)
                .anyMatch(file -> file.endsWith("dealers.xlsx#Contacts"))
                .anyMatch(file -> file.endsWith("crm.sql#customers"))
                .anyMatch(file -> file.endsWith("loyalty.pgdump#public.members"));
    }

    @Test
    void unpacksGzipAndZipArchivesOnTheFly() throws IOException {
        Path in = Files.createDirectories(folder.resolve("in"));
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("export/contacts.csv"));
            zip.write("name,email\nLena Fischer,lena@example.de\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.write(in.resolve("export.zip"), zipped.toByteArray());
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(in.resolve("app.log.gz")))) {
            gz.write("2025-09-01 10:02:11 password reset for m.rossi@example.it from 198.51.100.23\n".getBytes(StandardCharsets.UTF_8));
        }

        List<AffectedPerson> people = scan(in);

        assertThat(people).flatExtracting(AffectedPerson::emails).containsExactlyInAnyOrder("lena@example.de", "m.rossi@example.it");
        assertThat(people).flatExtracting(AffectedPerson::sources).extracting(Source::file)
                .anyMatch(file -> file.endsWith("export.zip!/export/contacts.csv"))
                .anyMatch(file -> file.endsWith("app.log"));
    }

    @Test
    void listsUnreadableFilesWithTheirReasonAndScansTheRest() throws IOException {
        write("good.csv", "name,email,notes\nOla Nordmann,ola@example.no,\"Gate code\n4711\"  \n");
        write("old.xls", "not really excel");
        write("broken.zip", "PK\u0003\u0004 truncated");
        write("image.bin", "\u0000\u0001\u0002\u0000binary");
        write("crm.sql", "-- MySQL dump\nINSERT INTO `c` VALUES (1,'Ana'),\n(2,'Luis';\n");
        write("dealers.csv", "name,email,notes\nRuth Evans,ruth@example.gb,\"Prefers post\nMarek Nowak,marek@example.pl,\n");
        Path out = folder.resolve("out");

        ScanSummary summary = scanner.scan(List.of(folder.resolve("in"), folder.resolve("missing")), out, BreachScanner.Progress.NONE);

        assertThat(summary.people()).isEqualTo(1);
        assertThat(summary.errors()).extracting(ScanSummary.ScanError::file, ScanSummary.ScanError::reason)
                .anySatisfy(error -> assertThat(error.toList()).satisfies(e -> {
                    assertThat((String) e.get(0)).endsWith("old.xls");
                    assertThat((String) e.get(1)).contains(".xlsx");
                }))
                .anySatisfy(error -> assertThat((String) error.toList().get(0)).endsWith("broken.zip"))
                .anySatisfy(error -> assertThat((String) error.toList().get(1)).contains("binary"))
                .anySatisfy(error -> assertThat((String) error.toList().get(1)).isEqualTo("no such file or folder"))
                .anySatisfy(error -> assertThat(error.toList()).satisfies(e -> {
                    assertThat((String) e.get(0)).endsWith("crm.sql");
                    assertThat((String) e.get(1)).isEqualTo("line 2: unterminated VALUES tuple");
                }))
                .anySatisfy(error -> assertThat(error.toList()).satisfies(e -> {
                    assertThat((String) e.get(0)).endsWith("dealers.csv");
                    assertThat((String) e.get(1)).isEqualTo(
                            "malformed delimited text: a quoted field in the row starting on line 2 is never closed");
                }));
        assertThat(Files.readString(out.resolve(RegisterFiles.SUMMARY))).contains("\"people\" : 1", "old.xls");
    }

    @Test
    void anInterruptedScanResumesWithTheFilesItHadFinished() throws IOException {
        Path first = write("a-customers.csv", "name,email\nIngrid Berg,ingrid@example.se\n");
        write("b-customers.csv", "name,email\nMalik Haddad,malik@example.ma\n");
        FileTime firstModified = Files.getLastModifiedTime(first);
        Path out = folder.resolve("out");
        BreachScanner oneAtATime = new BreachScanner(new BreachScanner.Options(1, null));

        assertThatThrownBy(() -> oneAtATime.scan(List.of(folder.resolve("in")), out, (read, total, done, files) -> {
            if (done == 1) {
                throw new SimulatedCrash();
            }
        })).hasRootCauseInstanceOf(SimulatedCrash.class);

        // Same size and time: a resumed scan must take the finished file from the spool, not read it again.
        Files.writeString(first, "name,email\nIngrid Bolt,ingrid@example.xx\n");
        Files.setLastModifiedTime(first, firstModified);
        oneAtATime.scan(List.of(folder.resolve("in")), out, BreachScanner.Progress.NONE);

        List<AffectedPerson> people = RegisterFiles.readJson(out.resolve(RegisterFiles.JSON));
        assertThat(people).flatExtracting(AffectedPerson::emails).containsExactlyInAnyOrder("ingrid@example.se", "malik@example.ma");
        assertThat(out.resolve(".rebound-scan")).doesNotExist();
    }

    @Test
    void aRegisterWrittenInsideTheScannedFolderIsNotScannedTheNextTime() throws IOException {
        Path in = Files.createDirectories(folder.resolve("share"));
        Files.writeString(in.resolve("staff.csv"), "name,email\nAmara Obi,amara@example.com\n");
        Path out = in.resolve("breach-scan");

        ScanSummary first = scanner.scan(List.of(in), out, BreachScanner.Progress.NONE);
        ScanSummary again = scanner.scan(List.of(in), out, BreachScanner.Progress.NONE);

        assertThat(again.filesScanned()).isEqualTo(first.filesScanned()).isEqualTo(1);
        assertThat(again.records()).isEqualTo(1);
    }

    @Test
    void theRegisterIsTheSameWhateverTheOrderTheFilesAreReadIn() throws IOException {
        for (int file = 0; file < 6; file++) {
            StringBuilder rows = new StringBuilder("name,email,phone\n");
            for (int person = 0; person < 20; person++) {
                int id = (file * 7 + person) % 30;
                rows.append("Person").append(" Number").append(id).append(",p").append(id).append("@example.com,+44 7700 9")
                        .append(String.format("%05d", id)).append('\n');
            }
            write("part-" + file + ".csv", rows.toString());
        }
        Path in = folder.resolve("in");
        Path sequential = folder.resolve("sequential");
        Path parallel = folder.resolve("parallel");
        new BreachScanner(new BreachScanner.Options(1, null)).scan(List.of(in), sequential, BreachScanner.Progress.NONE);
        new BreachScanner(new BreachScanner.Options(4, null)).scan(List.of(in), parallel, BreachScanner.Progress.NONE);

        assertThat(Files.readString(parallel.resolve(RegisterFiles.CSV))).isEqualTo(Files.readString(sequential.resolve(RegisterFiles.CSV)));
        assertThat(RegisterFiles.readJson(sequential.resolve(RegisterFiles.JSON))).hasSize(30);
    }

    private static final class SimulatedCrash extends Error {
    }
}
