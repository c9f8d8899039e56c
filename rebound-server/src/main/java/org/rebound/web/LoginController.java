package org.rebound.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    /** A single sign-on provider offered on the login page. */
    record Provider(String id, String name) {
    }

    private final List<Provider> providers = new ArrayList<>();

    LoginController(ObjectProvider<ClientRegistrationRepository> singleSignOn) {
        if (singleSignOn.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                ClientRegistration client = (ClientRegistration) registration;
                providers.add(new Provider(client.getRegistrationId(), client.getClientName()));
            }
        }
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("providers", providers);
        return "login";
    }
}
