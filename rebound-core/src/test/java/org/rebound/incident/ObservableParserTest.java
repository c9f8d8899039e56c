package org.rebound.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObservableParserTest {

    @Test
    void aPasteFromAThreatReportIsReadWithEachTypeDetected() {
        ObservableParser.Result result = ObservableParser.parse("""
                # Scattered Spider infrastructure, CISA AA23-320A style
                hxxps://albion-motors-sso[.]com/login
                it-helpdesk@albion-m0tors.com
                185.220.101.45
                2001:0DB8:0000:0000:0000:ff00:0042:8329
                44D88612FEA8A8F36DE82E1278ABB02F
                3395856ce81f2b7382dee72602f798b642f14140
                9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08
                HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\AnyDeskUpdate
                bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq
                +44 20 7946 0958
                Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36
                ALBION\\svc_backup
                encryptor.exe
                albion-motors-okta.com
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.observables()).extracting(ObservableParser.Parsed::observable).containsExactly(
                new Observable(ObservableType.URL, "https://albion-motors-sso.com/login"),
                new Observable(ObservableType.EMAIL, "it-helpdesk@albion-m0tors.com"),
                new Observable(ObservableType.IPV4, "185.220.101.45"),
                new Observable(ObservableType.IPV6, "2001:db8::ff00:42:8329"),
                new Observable(ObservableType.MD5, "44d88612fea8a8f36de82e1278abb02f"),
                new Observable(ObservableType.SHA1, "3395856ce81f2b7382dee72602f798b642f14140"),
                new Observable(ObservableType.SHA256, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                new Observable(ObservableType.REGISTRY_KEY, "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\AnyDeskUpdate"),
                new Observable(ObservableType.CRYPTOCURRENCY_WALLET, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
                new Observable(ObservableType.PHONE_NUMBER, "+442079460958"),
                new Observable(ObservableType.USER_AGENT, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"),
                new Observable(ObservableType.ACCOUNT, "ALBION\\svc_backup"),
                new Observable(ObservableType.FILE_NAME, "encryptor.exe"),
                new Observable(ObservableType.DOMAIN, "albion-motors-okta.com"));
        assertThat(result.observables()).extracting(ObservableParser.Parsed::line).startsWith(2, 3, 4);
    }

    @Test
    void theSameIndicatorWrittenDifferentlyIsKeptOnceAndCountedAsARepeat() {
        ObservableParser.Result result = ObservableParser.parse("""
                evil-update.net
                EVIL-UPDATE.NET
                evil-update[.]net
                2001:db8:0:0:0:0:0:1
                2001:db8::1
                """);

        assertThat(result.observables()).extracting(parsed -> parsed.observable().value())
                .containsExactly("evil-update.net", "2001:db8::1");
        assertThat(result.repeats()).isEqualTo(3);
    }

    @Test
    void registryKeysAreKeptUnderTheHivesFullName() {
        ObservableParser.Result result = ObservableParser.parse("""
                HKLM\\SYSTEM\\CurrentControlSet\\Services\\AnyDeskUpdate
                hkey_local_machine\\SYSTEM\\CurrentControlSet\\Services\\AnyDeskUpdate
                """);

        assertThat(result.observables()).extracting(parsed -> parsed.observable().value())
                .containsExactly("HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\AnyDeskUpdate");
        assertThat(result.repeats()).isEqualTo(1);
    }

    @Test
    void everyLineThatIsNotAnObservableIsReportedWithItsNumberAndWhy() {
        ObservableParser.Result result = ObservableParser.parse("""
                185.220.101.45
                the attacker called the help desk
                sha256:abc123
                999.1.1.1
                """);

        assertThat(result.clean()).isFalse();
        assertThat(result.problems()).extracting(ObservableParser.Problem::line).containsExactly(2, 3, 4);
        assertThat(result.problems().get(0).reason()).contains("put the type first", "account:");
        assertThat(result.problems().get(1).reason()).isEqualTo("not a valid sha256 (64 hexadecimal digits)");
    }

    @Test
    void aDeclaredTypeAcceptsAccountsAndFileNamesOfAnyShape() {
        ObservableParser.Result result = ObservableParser.parse("""
                account:svc_backup
                file-name:README_TO_DECRYPT
                user-agent:AnyDesk remote support
                domain:payload.zip
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.observables()).extracting(parsed -> parsed.observable().type()).containsExactly(
                ObservableType.ACCOUNT, ObservableType.FILE_NAME, ObservableType.USER_AGENT, ObservableType.DOMAIN);
        assertThat(result.observables()).allMatch(parsed -> !parsed.typeDetected());
    }

    @Test
    void bitcoinAddressesNeedAValidChecksum() {
        List<String> valid = List.of("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
                "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297");
        List<String> mistyped = List.of("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz",
                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp",
                "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3298");

        assertThat(valid).allMatch(ObservableType.CRYPTOCURRENCY_WALLET::accepts);
        assertThat(mistyped).noneMatch(ObservableType.CRYPTOCURRENCY_WALLET::accepts);
    }

    @Test
    void sharedIndicatorsAreDefangedAndReadBackLive() {
        Observable url = new Observable(ObservableType.URL, "https://albion-motors-sso.com/login");

        assertThat(url.defanged()).isEqualTo("hxxps://albion-motors-sso[.]com/login");
        assertThat(ObservableParser.read(url.defanged()).observable()).isEqualTo(url);
    }

    @Test
    void anObservableMustBeCanonical() {
        assertThatThrownBy(() -> new Observable(ObservableType.DOMAIN, "Evil.COM"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a canonical domain");
    }
}
