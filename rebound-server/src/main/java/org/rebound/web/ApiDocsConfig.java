package org.rebound.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description at the top of /v3/api-docs. */
@Configuration
class ApiDocsConfig {

    @Bean
    OpenAPI reboundApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Rebound API")
                        .version("1")
                        .description("The enterprise model, system states and business impact of the live incident. "
                                + "JSON field names are snake_case; instants are ISO-8601 UTC."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
