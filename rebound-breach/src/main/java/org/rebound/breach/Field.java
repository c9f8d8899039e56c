package org.rebound.breach;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a column of structured data holds, and the category of personal data that exposes. The
 * header patterns match the header lower-cased with everything but letters and digits removed
 * ({@code "E-Mail Address"} becomes {@code emailaddress}); they are tried in declaration order, so
 * {@code username} is a user name before it is a name.
 */
enum Field {
    EMAIL(Category.EMAIL, ".*email.*|mail|mailaddress|mailadresse|courriel"),
    PHONE_CALLING_CODE(null, ".*(callingcode|dialcode|dialingcode|phonecountrycode|telephonecountrycode|countrycallingcode|phoneprefix).*"),
    PHONE(Category.PHONE, ".*(phone|mobile|cellular|cell|fax).*|tel|tel(no|nr|number)|telephone.*"),
    USERNAME(Category.USERNAME, ".*(username|userlogin|loginname|login|screenname|handle|nickname)|user|userid"),
    PASSWORD(Category.CREDENTIALS, ".*(password|passwd|pwd|passhash|passphrase|secretanswer|securityanswer|mothersmaiden|maidenname).*|pass|pin|hash"),
    GIVEN_NAME(Category.NAME, ".*(givenname|firstname|forename|christianname)|first|fname|given"),
    MIDDLE_NAME(Category.NAME, ".*(middlename|middleinitial)|middle|mi|initial"),
    FAMILY_NAME(Category.NAME, ".*(surname|lastname|familyname)|last|lname|family"),
    NOT_PERSONAL(null, ".*(company|employer|organisation|organization|business|vendor|supplier|product|file|host|domain|street|brand)name.*"
            + "|.*(useragent|browser|guid|uuid).*|company|employer|nameset|make|model|color|colour|zodiac|tropicalzodiac"),
    FULL_NAME(Category.NAME, ".*(fullname|customername|clientname|contactname|holdername|cardholder|accountname|displayname|personname|employeename|drivername|ownername|patientname)|name|names|nom|nombre|vorname|nachname"),
    DATE_OF_BIRTH(Category.DATE_OF_BIRTH, ".*(dob|dateofbirth|birthdate|birthday|born|geburtsdatum).*"),
    NATIONAL_ID(Category.NATIONAL_ID, ".*(ssn|socialsecurity|nino|nationalinsurance|nationalid|taxid|taxpayerid|personalid|personnummer|steuerid|nationalidentity|idnumber|idcard).*|tin|sin|bsn|nin"),
    PASSPORT(Category.PASSPORT, ".*passport.*"),
    DRIVING_LICENCE(Category.DRIVING_LICENCE, ".*(driv.*licen[cs]e|dlnumber|licen[cs]enumber|licen[cs]eno|dlno).*"),
    IBAN(Category.IBAN, ".*iban.*"),
    BANK_ACCOUNT(Category.BANK_ACCOUNT, ".*(sortcode|bankaccount|accountnumber|accountno|acctno|routingnumber|bankcode).*|bic|swift|swiftcode|blz"),
    PAYMENT_CARD(Category.PAYMENT_CARD, ".*(ccnumber|cardnumber|creditcard|debitcard|cardno|pan)|cc|card"),
    CARD_DETAIL(Category.PAYMENT_CARD, ".*(cvv|cvc|cv2|ccexp|cardexp|expiry|expiration|cctype|cardtype|cardbrand).*"),
    VIN(Category.VIN, "vin|vinnumber|vinno|vehiclevin|carvin|.*(vehicleidentification|chassis).*"),
    VEHICLE_REGISTRATION(Category.VEHICLE_REGISTRATION, ".*(registrationnumber|registrationplate|numberplate|licen[cs]eplate|regno|regnumber|vehiclereg).*|plate|vrm|registration|reg"),
    IP_ADDRESS(Category.IP_ADDRESS, ".*(ipaddress|ipaddr|clientip|remoteaddr|remoteip|sourceip|srcip|lastip|loginip)|ip|ipv4|ipv6"),
    CUSTOMER_ID(null, ".*(customerid|customerno|customernumber|custid|custno|clientid|clientno|clientnumber|memberid|membershipno|membershipnumber|loyaltyid|loyaltynumber|accountid|patientid|employeeid|personid)"),
    STREET(Category.ADDRESS, ".*(street|address|addr|line1|line2|housenumber|houseno|building|strasse|adresse|direccion).*"),
    CITY(Category.ADDRESS, ".*(city|town|locality|village|stadt|ville|ciudad).*|ort|wohnort"),
    POSTCODE(Category.POSTCODE, ".*(zip|postcode|postalcode|plz|codepostal|eircode).*|postal|cp"),
    REGION(Category.ADDRESS, ".*(state|county|province|region|prefecture|bundesland).*"),
    COUNTRY(null, ".*(country).*|nation|nationality|land|pays|pais"),
    HEALTH(Category.HEALTH, ".*(diagnos|medicalcondition|healthcondition|medical|health|medication|prescription|allerg|bloodtype|bloodgroup|disabilit|illness|disease|treatment|symptom).*"),
    FREE_TEXT(null, ".*(comment|note|notes|description|message|body|text|remark|details|content|summary|log).*"),
    OTHER(null, "");

    private final @Nullable Category category;
    private final Pattern header;

    Field(@Nullable Category category, String header) {
        this.category = category;
        this.header = Pattern.compile(header);
    }

    @Nullable Category category() {
        return category;
    }

    /** The field a header names, or {@link #OTHER}. */
    static Field ofHeader(String header) {
        String normal = normalHeader(header);
        if (normal.isEmpty()) {
            return OTHER;
        }
        for (Field field : values()) {
            if (field != OTHER && field.header.matcher(normal).matches()) {
                return field;
            }
        }
        return OTHER;
    }

    static String normalHeader(String header) {
        StringBuilder normal = new StringBuilder(header.length());
        String lower = header.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || Character.isLetter(c)) {
                normal.append(c);
            }
        }
        return normal.toString();
    }
}
