package org.rebound.web;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import org.rebound.model.io.ModelProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the REST API as RFC 9457 problem details: a bad request names the field and the
 * reason, an invalid model lists every problem with its line.
 */
@RestControllerAdvice(basePackages = "org.rebound")
public class ApiProblems {

    public static ProblemDetail badRequest(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        problem.setTitle("Bad request");
        problem.setProperty("field", field);
        return problem;
    }

    public static ProblemDetail forbidden(String why) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, why);
        problem.setTitle("Forbidden");
        return problem;
    }

    public static ProblemDetail notFound(String what) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what);
        problem.setTitle("Not found");
        return problem;
    }

    public static ProblemDetail invalidModel(List<ModelProblem> problems) {
        long errors = problems.stream().filter(ModelProblem::isError).count();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "the model has " + errors + (errors == 1 ? " error" : " errors") + "; nothing was changed");
        problem.setTitle("Invalid model");
        problem.setType(URI.create("https://rebound.example/problems/invalid-model"));
        problem.setProperty("problems", problems.stream().map(ProblemView::of).toList());
        return problem;
    }

    /** One model problem in a problem detail. */
    public record ProblemView(String severity, String source, int line, int column, String field, String message) {
        public static ProblemView of(ModelProblem problem) {
            return new ProblemView(problem.severity().name().toLowerCase(), problem.source(), problem.line(),
                    problem.column(), problem.field(), problem.message());
        }
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException missing) {
        return notFound(missing.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setTitle("Bad request");
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request body is not valid JSON of the expected shape");
        problem.setTitle("Bad request");
        return problem;
    }
}
