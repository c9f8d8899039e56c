package org.rebound.breach;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Labelled training text in the forms people's names take in what an attacker steals from a company:
 * support tickets, e-mails and signatures, chat transcripts with speaker labels, meeting attendee lists,
 * HR notes, informal lower-case messages; and as many lines of the same kinds that name nobody (plants,
 * towns, suppliers, products, weekdays, field labels). Half the surnames are altered so that the
 * gazetteer does not know them and the model must learn the context. Deterministic for a seed.
 */
final class NameSentences {

    private static final String[] ORGANISATIONS = {"Jaguar Land Rover", "Tata Consultancy Services", "Bosch", "Siemens Energy",
        "Halewood Logistics Ltd", "Midlands Freight", "Castle Bromwich Paint Shop", "Nitra Assembly", "Acme Fasteners",
        "Northern Steel Supplies", "Orbit Telecom", "Crown Insurance", "Solihull Motors", "Pune Engineering Centre"};
    private static final String[] PLACES = {"Birmingham", "Solihull", "Coventry", "Halewood", "Wolverhampton", "Nitra", "Pune",
        "Gaydon", "Whitley", "Liverpool", "Graz", "Shanghai", "Manchester", "Slovakia", "India", "Germany"};
    private static final String[] THINGS = {"SAP", "Windows Server", "VMware", "Active Directory", "Outlook", "Teams", "Citrix",
        "the MES", "the WMS", "SharePoint", "Okta", "the VPN", "Oracle Payables", "the PLC gateway"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTHS = {"January", "March", "April", "June", "July", "September", "October", "November"};
    private static final String[] LABELS = {"Status", "Priority", "Note", "Action", "Summary", "Impact", "Category", "Update",
        "Resolution", "Owner team", "Site", "Reference"};
    private static final String[] SAYINGS = {"Can you resend the invoice?", "The line is still down.", "I've restarted the server.",
        "Who approved the change?", "Backups finished at two.", "Please check your inbox.", "We need the forensic report first.",
        "Parts are arriving late again.", "Thanks, that worked.", "I'll call the supplier now."};
    private static final String[] VERBS = {"said", "wrote", "asked", "replied", "confirmed", "shouted", "thinks", "says", "added",
        "lives in " + "Coventry and said", "works nights and said"};
    private static final String[] OPENERS = {"He", "She", "They", "We", "It", "This", "Now", "Please", "Follow up:", "Remember",
        "Call back:", "Send", "After that", "Before noon", "Today", "Yesterday", "Tomorrow", "Thanks,", "Sorry,", "Also", "Then",
        "Note that", "Meanwhile", "Unfortunately", "Apparently"};
    private static final String[] CONTACT_FIELDS = {"Mobile", "Desk", "Fax", "Phone", "Office", "Home", "Work", "Direct line"};
    private static final String[] TITLES = {"Mr", "Mrs", "Ms", "Dr", "Miss"};
    private static final String[] ROLES = {"Plant Manager", "Service Desk Analyst", "Finance Director", "Recovery Lead",
        "Incident Commander", "Payroll Officer", "Logistics Coordinator", "Data Protection Officer"};

    /** A line being written, with the character spans of the people named in it. */
    private static final class Line {
        final StringBuilder text = new StringBuilder();
        final List<int[]> people = new ArrayList<>();

        Line say(String words) {
            text.append(words);
            return this;
        }

        Line person(String name) {
            people.add(new int[] {text.length(), text.length() + name.length()});
            text.append(name);
            return this;
        }
    }

    private final List<String> given;
    private final List<String> family;
    private final SplittableRandom random;

    private NameSentences(long seed) {
        this.given = words("given-names.txt");
        this.family = words("family-names.txt");
        this.random = new SplittableRandom(seed);
    }

    /** {@code count} labelled texts, half of them naming somebody. */
    static List<NameModelTraining.Labelled> generate(int count, long seed) {
        NameSentences sentences = new NameSentences(seed);
        List<NameModelTraining.Labelled> labelled = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Line line = i % 2 == 0 ? sentences.naming() : sentences.namingNobody();
            labelled.add(new NameModelTraining.Labelled(line.text.toString(), -1, line.people));
        }
        return labelled;
    }

    private Line naming() {
        String first = pick(given);
        String last = altered(pick(family));
        String full = first + " " + last;
        return switch (random.nextInt(19)) {
            case 16 -> new Line().person(first).say(" " + pick(VERBS) + " " + pick(SAYINGS).toLowerCase(Locale.ROOT));
            case 17 -> surnames();
            case 18 -> new Line().person(full).say(", " + pick(ROLES).toLowerCase(Locale.ROOT) + " at " + pick(ORGANISATIONS) + ", said the data was encrypted.");
            case 0 -> new Line().person(full).say(" reported the outage at " + hour() + ".");
            case 1 -> new Line().person(first).say(" called back about ticket INC" + number() + ".");
            case 2 -> new Line().say("Ticket INC" + number() + " assigned to ").person(full).say(".");
            case 3 -> dialogue();
            case 4 -> attendees();
            case 5 -> new Line().say("Hi ").person(first).say(",\n" + pick(SAYINGS) + "\nThanks,\n").person(pick(given));
            case 6 -> new Line().say("Regards,\n").person(full).say("\n" + pick(ROLES) + ", " + pick(ORGANISATIONS));
            case 7 -> new Line().person(last).say(" confirmed that " + pick(THINGS) + " was restored on " + pick(DAYS) + ".");
            case 8 -> new Line().say("cc ").person(full.toLowerCase(Locale.ROOT)).say(" - " + pick(SAYINGS).toLowerCase(Locale.ROOT));
            case 9 -> new Line().person(first).say("'s laptop was reimaged in " + pick(PLACES) + ".");
            case 10 -> new Line().say("According to ").person(full).say(", the line in " + pick(PLACES) + " restarted at " + hour() + ".");
            case 11 -> new Line().say("Spoke with ").person(first).say(" from " + pick(ORGANISATIONS) + " about the unpaid invoice.");
            case 12 -> new Line().person(first + " " + (char) ('A' + random.nextInt(26)) + ". " + last).say(" signed the change request.");
            case 13 -> new Line().say("Customer ").person(full).say(" (account " + number() + ") asked for a refund.");
            case 14 -> new Line().say("Escalated by ").person(last + ", " + first).say(" on " + pick(DAYS) + ".");
            default -> new Line().say(pick(TITLES) + ". ").person(full).say(" has not been paid since " + pick(MONTHS) + ".");
        };
    }

    private Line dialogue() {
        Line line = new Line();
        for (int turn = 0; turn < 2 + random.nextInt(2); turn++) {
            if (turn > 0) {
                line.say("\n");
            }
            line.person(pick(given)).say(": " + pick(SAYINGS));
        }
        return line;
    }

    private Line attendees() {
        Line line = new Line().say("Attendees: ");
        int count = 2 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            line.say(i == 0 ? "" : i == count - 1 ? " and " : ", ").person(pick(given) + " " + altered(pick(family)));
        }
        return line.say(".");
    }

    private Line surnames() {
        Line line = new Line().say("The " + pick(ROLES).toLowerCase(Locale.ROOT) + "s on call were ");
        int count = 2 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            line.say(i == 0 ? "" : i == count - 1 ? " and " : ", ").person(altered(pick(family)));
        }
        return line.say(".");
    }

    private Line namingNobody() {
        return switch (random.nextInt(15)) {
            case 10, 11 -> new Line().say(pick(OPENERS) + " " + pick(SAYINGS).toLowerCase(Locale.ROOT));
            case 12 -> new Line().say(pick(CONTACT_FIELDS) + ": +44 " + number() + " " + number() + "\n" + pick(CONTACT_FIELDS) + ": " + number());
            case 13 -> new Line().say("I used to work for " + pick(ORGANISATIONS) + " as " + pick(ROLES) + ", but left in " + pick(MONTHS) + ".");
            case 14 -> new Line().say("It was in " + pick(PLACES) + " that " + pick(ORGANISATIONS) + " first opened. " + pick(OPENERS) + " it is closed.");
            case 0 -> new Line().say("The " + pick(PLACES) + " plant restarted line " + (1 + random.nextInt(6)) + " on " + pick(DAYS) + ".");
            case 1 -> new Line().say(pick(THINGS) + " update failed on host " + pick(PLACES).toUpperCase(Locale.ROOT) + "-" + number() + ".");
            case 2 -> new Line().say("Meeting moved to " + pick(MONTHS) + " " + (1 + random.nextInt(28)) + " at " + pick(ORGANISATIONS) + ".");
            case 3 -> new Line().say(pick(LABELS) + ": " + pick(SAYINGS));
            case 4 -> new Line().say("ERROR " + pick(THINGS) + " timeout after " + random.nextInt(90) + " s");
            case 5 -> new Line().say(pick(ORGANISATIONS) + " confirmed the shipment to " + pick(PLACES) + ".");
            case 6 -> new Line().say("Invoices from " + pick(ORGANISATIONS) + " are on hold until " + pick(DAYS) + ".");
            case 7 -> new Line().say(pick(LABELS) + ": " + pick(ROLES) + "\n" + pick(LABELS) + ": " + pick(PLACES));
            case 8 -> new Line().say("Welcome to " + pick(PLACES) + ". " + pick(SAYINGS));
            default -> new Line().say("The " + pick(ROLES) + " approved restoring " + pick(THINGS) + " first.");
        };
    }

    /**
     * The family name, or in half the cases with a letter changed so that the gazetteer knows it no
     * more. (Altering given names too taught the model that any capitalised word it does not know is a
     * name: precision fell from 0.81 to 0.68.)
     */
    private String altered(String familyName) {
        if (random.nextBoolean() || familyName.length() < 4) {
            return familyName;
        }
        int at = 1 + random.nextInt(familyName.length() - 2);
        String altered = familyName.substring(0, at) + "aeiounrlstk".charAt(random.nextInt(11)) + familyName.substring(at + 1);
        return Gazetteer.instance().isFamilyName(altered) ? familyName : altered;
    }

    private String hour() {
        return String.format(Locale.ROOT, "%02d:%02d", random.nextInt(24), random.nextInt(60));
    }

    private String number() {
        return Integer.toString(10_000 + random.nextInt(90_000));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> words(String resource) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(word -> word.length() > 2 && word.chars().allMatch(Character::isLetter))
                    .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
