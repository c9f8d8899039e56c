package org.rebound.security.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rebound.security.LoginProtection;
import org.rebound.security.MfaStages;
import org.rebound.security.SecondFactor;
import org.rebound.security.Totp;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Entering a second-factor code after the password, and enrolling an authenticator app. */
@Controller
class SecondFactorPages {

    private static final String ISSUER = "Rebound";
    private static final String ENROLLING_SECRET = "rebound.mfa.secret";

    private final SecondFactor secondFactor;
    private final MfaStages stages;
    private final LoginProtection protection;

    SecondFactorPages(SecondFactor secondFactor, MfaStages stages, LoginProtection protection) {
        this.secondFactor = secondFactor;
        this.stages = stages;
        this.protection = protection;
    }

    @GetMapping("/login/mfa")
    String codePage() {
        return "login-mfa";
    }

    @PostMapping("/login/mfa")
    String checkCode(@RequestParam(defaultValue = "") String code, Authentication pending, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        String username = pending.getName();
        if (secondFactor.verify(username, code)) {
            stages.complete(request, response, username);
            return "redirect:/";
        }
        if (protection.wrongSecondFactor(username)) {
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            return "redirect:/login?locked";
        }
        model.addAttribute("error", "That code is not right. Use the current code of your authenticator app, or a recovery code.");
        return "login-mfa";
    }

    @GetMapping("/account/mfa/enrol")
    String enrolPage(Authentication user, HttpSession session, Model model) {
        String secret = (String) session.getAttribute(ENROLLING_SECRET);
        if (secret == null) {
            secret = secondFactor.newSecret();
            session.setAttribute(ENROLLING_SECRET, secret);
        }
        enrolModel(model, user.getName(), secret, MfaStages.isEnrolling(user));
        return "mfa-enrol";
    }

    @PostMapping("/account/mfa/enrol")
    String enrol(@RequestParam(defaultValue = "") String code, Authentication user, HttpSession session, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        String secret = (String) session.getAttribute(ENROLLING_SECRET);
        if (secret == null) {
            return "redirect:/account/mfa/enrol";
        }
        Optional<List<String>> recoveryCodes = secondFactor.enrol(user.getName(), secret, code);
        if (recoveryCodes.isEmpty()) {
            enrolModel(model, user.getName(), secret, MfaStages.isEnrolling(user));
            model.addAttribute("error", "That code is not right: enter the six digits your app shows now.");
            return "mfa-enrol";
        }
        session.removeAttribute(ENROLLING_SECRET);
        if (MfaStages.isEnrolling(user)) {
            stages.complete(request, response, user.getName());
        }
        model.addAttribute("codes", recoveryCodes.get());
        return "mfa-recovery";
    }

    private static void enrolModel(Model model, String username, String secret, boolean required) {
        String uri = Totp.uri(ISSUER, username, secret);
        model.addAttribute("qr", "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(qrSvg(uri).getBytes(StandardCharsets.UTF_8)));
        model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
        model.addAttribute("required", required);
        model.addAttribute("username", username);
    }

    /** The QR code of the provisioning URI, as an SVG drawn from the code's modules. */
    static String qrSvg(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 2));
            StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                    .append(matrix.getWidth()).append(' ').append(matrix.getHeight())
                    .append("\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        svg.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                    }
                }
            }
            return svg.append("\"/></svg>").toString();
        } catch (WriterException tooLong) {
            throw new IllegalStateException("cannot draw the QR code", tooLong);
        }
    }
}
