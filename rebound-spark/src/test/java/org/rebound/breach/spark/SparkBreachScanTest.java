package org.rebound.breach.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebound.breach.AffectedPerson;
import org.rebound.breach.BreachScanner;
import org.rebound.breach.RegisterFiles;
import org.rebound.breach.ScanSummary;
import org.rebound.breach.SyntheticBreachData;

class SparkBreachScanTest {

    private static JavaSparkContext spark;

    @TempDir
    Path folder;

    @BeforeAll
    static void localSpark() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("rebound-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.sql.shuffle.partitions", "4"));
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    @Test
    void givesTheSameRegisterAsTheSingleMachineScan() throws IOException {
        SyntheticBreachData.Written data = SyntheticBreachData.write(folder.resolve("stolen"), 1_500, 7);
        Files.delete(data.truth());
        Files.writeString(data.directory().resolve("payroll.xls"), "a legacy workbook");
        Path out = folder.resolve("register");
        ScanSummary local = new BreachScanner(new BreachScanner.Options(2, null))
                .scan(List.of(data.directory()), out, BreachScanner.Progress.NONE);
        List<AffectedPerson> expected = RegisterFiles.readJson(out.resolve(RegisterFiles.JSON));

        SparkBreachScan.Result result = SparkBreachScan.scan(spark, List.of(data.directory().toUri().toString()));
        List<AffectedPerson> people = result.people().collect();

        assertThat(people).hasSize(1_500).containsExactlyElementsOf(expected);
        assertThat(result.records()).isEqualTo(local.records());
        assertThat(result.errors()).containsExactlyElementsOf(local.errors());
    }

    @Test
    void peopleLinkedOnlyThroughAThirdRecordAreOnePerson() throws IOException {
        Path stolen = Files.createDirectories(folder.resolve("chain"));
        Files.writeString(stolen.resolve("crm.csv"), "name,email,phone\nIdris Bello,idris@example.com,\n");
        Files.writeString(stolen.resolve("orders.csv"), "email,phone\nidris@example.com,+44 7700 900321\n");
        Files.writeString(stolen.resolve("service.csv"), "owner,phone,customer_no\nI. Bello,+44 7700 900321,K-77\n");
        Files.writeString(stolen.resolve("loyalty.csv"), "customer_no,name\nK-77,Idris Bello\n");

        List<AffectedPerson> people = SparkBreachScan.scan(spark, List.of(stolen.toUri().toString())).people().collect();

        assertThat(people).hasSize(1);
        assertThat(people.get(0).sources()).hasSize(4);
        assertThat(people.get(0).emails()).containsExactly("idris@example.com");
    }
}
