package org.rebound.breach;

import java.util.Arrays;
import java.util.Optional;

/**
 * A category of personal data, with the id used in the register and the JSON summary.
 *
 * <p>The ids are a public contract (they appear in {@code affected-people.csv}, scripts and the
 * obligations facts); add new ones, never rename.
 */
public enum Category {
    NAME("name", "Person name"),
    EMAIL("email", "E-mail address"),
    PHONE("phone", "Phone number"),
    ADDRESS("address", "Postal address"),
    POSTCODE("postcode", "Postcode or ZIP code"),
    DATE_OF_BIRTH("date-of-birth", "Date of birth"),
    NATIONAL_ID("national-id", "National identifier (NINO, SSN, ...)"),
    PASSPORT("passport", "Passport number"),
    DRIVING_LICENCE("driving-licence", "Driving licence number"),
    PAYMENT_CARD("payment-card", "Payment card data"),
    IBAN("iban", "IBAN"),
    BANK_ACCOUNT("bank-account", "Bank account number or sort code"),
    VIN("vin", "Vehicle identification number"),
    VEHICLE_REGISTRATION("vehicle-registration", "Vehicle registration plate"),
    IP_ADDRESS("ip-address", "IP address"),
    USERNAME("username", "User name"),
    CREDENTIALS("credentials", "Password or password hash"),
    HEALTH("health", "Health data");

    private final String id;
    private final String label;

    Category(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<Category> byId(String id) {
        return Arrays.stream(values()).filter(category -> category.id.equals(id)).findFirst();
    }
}
