package org.rebound.breach;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stolen data set with known truth, for measuring the scanner: a car maker's customer table
 * (CSV), its orders (JSON Lines, some referring to the customer by id, some only by e-mail in another
 * case) and its dealers' service history (a MySQL dump, owners by phone, written with dashes), with
 * duplicate customer accounts, rows about nobody, and {@code truth.csv} naming the person behind every
 * row. The same seed writes the same files.
 */
public final class SyntheticBreachData {

    /** What was written: the folder, how many distinct people, and the truth file. */
    public record Written(Path directory, int people, Path truth) {
    }

    private record Country(String code, String region, String[] cities, String street, String postcodeFormat) {
        String domain() {
            return code.toLowerCase(Locale.ROOT);
        }
    }

    private static final Country[] COUNTRIES = {
        new Country("GB", "GB", new String[] {"Coventry", "Solihull", "Liverpool", "Leeds"}, "%d %s Road", "CV%d %dAB"),
        new Country("DE", "DE", new String[] {"Berlin", "Munich", "Cologne"}, "%2$sstra\u00dfe %1$d", "%05d"),
        new Country("FR", "FR", new String[] {"Paris", "Lyon", "Lille"}, "%d rue %s", "%05d"),
        new Country("US", "US", new String[] {"Austin|TX", "San Jose|CA", "Detroit|MI"}, "%d %s Street", "%05d")};

    private static final String CUSTOMER_HEADER =
            "customer_id,first_name,last_name,email,phone,date_of_birth,street,city,state,postcode,country,card_number,notes\n";

    private static final Map<String, PhoneNumber> EXAMPLE_MOBILES = new ConcurrentHashMap<>();
    private static final Map<String, String> ASCII_NAMES = new ConcurrentHashMap<>();

    private final SplittableRandom random;
    private final List<String> givenNames;
    private final List<String> familyNames;

    private SyntheticBreachData(long seed) {
        random = new SplittableRandom(seed);
        givenNames = latinNames("given-names.txt");
        familyNames = latinNames("family-names.txt");
    }

    /** Writes the three tables for {@code customers} people into {@code directory}. */
    public static Written write(Path directory, int customers, long seed) throws IOException {
        return new SyntheticBreachData(seed).writeTables(Files.createDirectories(directory), customers);
    }

    /**
     * Writes one customer CSV of about {@code bytes} bytes (a person per row, no truth), for throughput
     * measurements.
     */
    public static long writeLargeCustomerCsv(Path file, long bytes, long seed) throws IOException {
        SyntheticBreachData data = new SyntheticBreachData(seed);
        long written = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = CUSTOMER_HEADER;
            out.write(header);
            written += header.length();
            for (int id = 1; written < bytes; id++) {
                String row = data.customerRow(data.person(id), "C" + id) + "\n";
                out.write(row);
                written += row.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return written;
    }

    private record Person(int id, String given, String family, String email, String phone, LocalDate born,
            Country country, String street, String city, String state, String postcode, String card, String vin) {
    }

    private Person person(int id) {
        String given = pick(givenNames);
        String family = pick(familyNames);
        Country country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        String[] city = country.cities[random.nextInt(country.cities.length)].split("\\|");
        String postcode = country.code.equals("GB")
                ? String.format(country.postcodeFormat, 1 + random.nextInt(9), 1 + random.nextInt(9))
                : String.format(country.postcodeFormat, 10000 + random.nextInt(89999));
        String email = ascii(given) + "." + ascii(family) + id + "@example." + country.domain();
        return new Person(id, given, family, email, international(phone(country.region, id)),
                LocalDate.of(1940, 1, 1).plusDays(random.nextInt(25000)),
                country, String.format(country.street, 1 + random.nextInt(200), pick(familyNames)), city[0],
                city.length > 1 ? city[1] : "", postcode, card(), vin());
    }

    private Written writeTables(Path directory, int customers) throws IOException {
        List<Person> people = new ArrayList<>();
        for (int id = 1; id <= customers; id++) {
            people.add(person(id));
        }
        Path truth = directory.resolve("truth.csv");
        try (BufferedWriter truthOut = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            truthOut.write("file,line,person\n");
            writeCustomers(directory.resolve("customers.csv"), people, truthOut);
            writeOrders(directory.resolve("orders.jsonl"), people, truthOut);
            writeServiceHistory(directory.resolve("service-history.sql"), people, truthOut);
        }
        return new Written(directory, customers, truth);
    }

    private void writeCustomers(Path file, List<Person> people, Writer truth) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CUSTOMER_HEADER);
            long line = 1;
            for (Person person : people) {
                out.write(customerRow(person, "C" + person.id) + "\n");
                truth.write(file.getFileName() + "," + ++line + "," + person.id + "\n");
                if (random.nextInt(20) == 0) {
                    // a duplicate account: same person, new customer id, e-mail typed in capitals
                    Person duplicate = new Person(person.id, person.given, person.family, person.email.toUpperCase(Locale.ROOT),
                            person.phone, person.born, person.country, person.street, person.city, person.state,
                            person.postcode, card(), person.vin);
                    out.write(customerRow(duplicate, "D" + person.id) + "\n");
                    truth.write(file.getFileName() + "," + ++line + "," + person.id + "\n");
                }
                if (random.nextInt(50) == 0) {
                    out.write("FLEET" + person.id + ",,,,,,,,,,,,Pool car for test drives\n");
                    ++line;
                }
            }
        }
    }

    private String customerRow(Person person, String customerId) {
        String notes = random.nextInt(4) == 0 ? "\"Prefers contact by phone, call " + dashed(person.phone) + "\"" : "";
        return String.join(",", customerId, person.given, person.family, person.email, person.phone,
                person.born.toString(), quoted(person.street), person.city, person.state, person.postcode,
                person.country.code, person.card, notes);
    }

    private void writeOrders(Path file, List<Person> people, Writer truth) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long line = 0;
            int order = 5000;
            for (Person person : people) {
                int orders = random.nextInt(3);
                for (int i = 0; i < orders; i++) {
                    String who = random.nextInt(10) < 7
                            ? "\"customer_id\": \"C" + person.id + "\""
                            : "\"email\": \"" + capitalised(person.email) + "\"";
                    out.write("{\"order_id\": \"SO-" + order++ + "\", " + who + ", \"vin\": \"" + person.vin
                            + "\", \"amount\": " + (18000 + random.nextInt(60000)) + ", \"delivery\": {\"street\": \""
                            + person.street + "\", \"postcode\": \"" + person.postcode + "\"}}\n");
                    truth.write(file.getFileName() + "," + ++line + "," + person.id + "\n");
                }
            }
        }
    }

    private void writeServiceHistory(Path file, List<Person> people, Writer truth) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("-- MySQL dump 10.13  Distrib 8.0.36\n");
            out.write("CREATE TABLE `service_history` (\n  `id` int NOT NULL,\n  `owner_name` varchar(100),\n"
                    + "  `owner_phone` varchar(30),\n  `vin` char(17),\n  `work_done` text,\n  PRIMARY KEY (`id`)\n);\n");
            long line = 10;
            int id = 1;
            for (Person person : people) {
                if (random.nextInt(3) == 0) {
                    out.write("INSERT INTO `service_history` VALUES (" + id++ + ",'" + sql(person.given + " " + person.family)
                            + "','" + dashed(person.phone) + "','" + person.vin + "','Annual service; customer\\'s brake pads replaced');\n");
                    truth.write(file.getFileName() + "," + line++ + "," + person.id + "\n");
                }
            }
        }
    }

    private PhoneNumber phone(String region, int id) {
        PhoneNumber example = EXAMPLE_MOBILES.computeIfAbsent(region,
                code -> PhoneNumberUtil.getInstance().getExampleNumberForType(code, PhoneNumberType.MOBILE));
        long national = example.getNationalNumber();
        // the example's leading digits keep the number in the mobile range; the rest is unique per person
        long width = (long) Math.pow(10, Math.max(4, String.valueOf(national).length() - 2));
        return new PhoneNumber().setCountryCode(example.getCountryCode())
                .setNationalNumber(national - national % width + (id * 7919L) % width);
    }

    private static String international(PhoneNumber phone) {
        return PhoneNumberUtil.getInstance().format(phone, PhoneNumberFormat.INTERNATIONAL);
    }

    private static String dashed(String internationalPhone) {
        return internationalPhone.replace(' ', '-');
    }

    private String card() {
        StringBuilder number = new StringBuilder("4");
        for (int i = 0; i < 14; i++) {
            number.append(random.nextInt(10));
        }
        return number.append(Identifiers.luhnCheckDigit(number)).toString();
    }

    private String vin() {
        String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        StringBuilder vin = new StringBuilder("SAJ");
        while (vin.length() < 17) {
            vin.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        vin.setCharAt(8, Identifiers.vinCheckCharacter(vin));
        return vin.toString();
    }

    private String pick(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }

    private static String capitalised(String email) {
        return Character.toUpperCase(email.charAt(0)) + email.substring(1);
    }

    private static String quoted(String value) {
        return value.indexOf(',') >= 0 ? "\"" + value + "\"" : value;
    }

    private static String sql(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static String ascii(String name) {
        return ASCII_NAMES.computeIfAbsent(name, written -> Names.normal(written).replace(" ", "").replaceAll("[^a-z]", "x"));
    }

    private static List<String> latinNames(String resource) {
        try (InputStream in = SyntheticBreachData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(name -> name.chars().allMatch(c -> c < 0x250 && (Character.isLetter(c) || c == '-')))
                    .filter(name -> name.length() >= 3)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
