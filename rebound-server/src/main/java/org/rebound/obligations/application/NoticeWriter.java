package org.rebound.obligations.application;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rebound.breach.AffectedPerson;
import org.rebound.incident.persistence.IncidentStore.StoredIncident;
import org.rebound.obligations.DataCategories;
import org.rebound.obligations.IncidentFacts;
import org.rebound.obligations.Obligation;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes the first version of a notice from its template and what Rebound knows of the incident.
 * What only people can know (reasons for a delay, the root cause as established) stays as a
 * bracketed instruction in capitals for the author to replace before approval.
 */
final class NoticeWriter {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    /** What the templates are filled from. */
    record Inputs(IncidentFacts facts, StoredIncident incident,
                  @Nullable Obligation duty, String contact, List<String> measures, List<String> techniques,
                  List<String> indicators, List<String> processesDown, @Nullable Instant allBack, @Nullable String lossSoFar,
                  Instant now) {
    }

    private final TemplateEngine engine;

    NoticeWriter() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("notices/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        // Spring's engine evaluates expressions with SpEL, as the pages do (the plain engine would need OGNL)
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    String write(NoticeTemplate template, Inputs inputs) {
        IncidentFacts facts = inputs.facts();
        Context context = new Context(Locale.UK);
        context.setVariable("entity", facts.entity());
        context.setVariable("incident", inputs.incident());
        context.setVariable("recipient", inputs.duty() != null ? inputs.duty().recipient() : "[RECIPIENT]");
        context.setVariable("law", inputs.duty() != null && inputs.duty().rule().startsWith("uk-") ? "UK GDPR" : "General Data Protection Regulation");
        context.setVariable("phase", facts.done().containsKey(inputs.duty() == null ? "" : inputs.duty().rule()) ? "further" : "initial");
        context.setVariable("aware", WHEN.format(facts.awareAt()));
        context.setVariable("occurred", facts.occurredAt() == null ? "[DATE NOT YET ESTABLISHED]" : WHEN.format(facts.occurredAt()));
        context.setVariable("late", inputs.duty() != null && inputs.duty().deadline() != null
                && inputs.now().isAfter(inputs.duty().deadline()));
        context.setVariable("categories", facts.personalData().categories().isEmpty() ? "[NONE ESTABLISHED YET]"
                : facts.personalData().categories().stream().map(DataCategories::inReport).collect(Collectors.joining("; ")));
        long total = facts.affected().values().stream().mapToLong(Long::longValue).sum();
        context.setVariable("affectedTotal", String.format(Locale.UK, "%,d", total));
        context.setVariable("affectedPlaces", facts.affected().entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getKey() + " " + String.format(Locale.UK, "%,d", entry.getValue()))
                .collect(Collectors.joining(", ")));
        context.setVariable("records", "[NUMBER OF RECORDS, IF KNOWN]");
        context.setVariable("contact", inputs.contact());
        context.setVariable("consequences", consequences(facts.personalData().categories()));
        context.setVariable("measures", inputs.measures());
        context.setVariable("individualNotice", individualNotice(facts));
        context.setVariable("malicious", "Yes: a criminal intrusion [CONFIRM]");
        context.setVariable("crossBorder", facts.affected().size() > 1
                ? "Possible: people or operations in " + String.join(", ", facts.affected().keySet()) + " are affected"
                : "Not established");
        context.setVariable("processesDown", inputs.processesDown().isEmpty() ? "none recorded"
                : String.join(", ", inputs.processesDown()));
        context.setVariable("allBack", inputs.allBack() == null ? "[NOT YET PLANNED]" : WHEN.format(inputs.allBack()));
        context.setVariable("impact", inputs.lossSoFar() == null ? "[DESCRIBE THE IMPACT]"
                : inputs.processesDown().size() + " business processes interrupted; business loss so far " + inputs.lossSoFar() + ".");
        context.setVariable("materialAt", facts.materialityDeterminedAt() == null ? "[DATE OF THE MATERIALITY DETERMINATION]"
                : WHEN.format(facts.materialityDeterminedAt()));
        context.setVariable("indicators", inputs.indicators());
        context.setVariable("techniques", inputs.techniques());
        context.setVariable("now", WHEN.format(inputs.now()));
        return engine.process(template.id(), context).strip() + "\n";
    }

    /**
     * The letter to one person: {@code {name}} becomes their name (or "customer"), {@code {data_exposed}}
     * what was exposed about them in plain words.
     */
    static String personalise(String body, AffectedPerson person) {
        String name = person.names().isEmpty() ? "customer" : person.names().get(0);
        List<String> exposed = new ArrayList<>();
        for (String category : person.categoryIds()) {
            exposed.add(DataCategories.toThePerson(category));
        }
        return body.replace("{name}", name).replace("{data_exposed}", inWords(exposed));
    }

    private static String inWords(List<String> items) {
        if (items.isEmpty()) {
            return "no details we could identify";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String consequences(Set<String> groups) {
        List<String> risks = new ArrayList<>();
        if (groups.contains("contact")) {
            risks.add("targeted phishing, scam calls and messages using the stolen contact details");
        }
        if (groups.contains("government-id") || groups.contains("identity")) {
            risks.add("identity theft and fraud using identification numbers and dates of birth");
        }
        if (groups.contains("financial") || groups.contains("payment-card")) {
            risks.add("financial fraud using bank or card details");
        }
        if (groups.contains("credentials")) {
            risks.add("takeover of accounts where the same password is used");
        }
        if (groups.contains("health") || groups.contains("special-category") || groups.contains("biometric")) {
            risks.add("distress and discrimination from the disclosure of sensitive information");
        }
        return risks.isEmpty() ? "[DESCRIBE THE LIKELY CONSEQUENCES]" : "The people affected are at risk of " + inWords(risks) + ".";
    }

    private static String individualNotice(IncidentFacts facts) {
        Boolean highRisk = facts.personalData().highRisk();
        return Boolean.FALSE.equals(highRisk) ? "not planned: the breach is not assessed as likely to result in a high risk"
                : "planned without undue delay [CONFIRM THE DATE]";
    }
}
