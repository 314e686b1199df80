package io.muster.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.muster.common.ConflictException;
import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.courseitem.CourseItemKind;
import io.muster.web.Refusal;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;

class FormChecksTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aBrokenRuleOfTheRequestBecomesAnErrorOnTheFormFieldOfTheSameNameKeepingWhatWasTyped() {
        CourseItemForm form = new CourseItemForm();
        form.setKind(CourseItemKind.EVALUATION);
        form.setTitle("  ");
        form.setQuestions("Fine?\n" + "x".repeat(501));
        BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "itemForm");

        assertThat(FormChecks.check(form.request(), binding, validator)).isFalse();

        assertThat(binding.getFieldError("title").getCodes()).contains("NotBlank.itemForm.title");
        assertThat(binding.getFieldError("questions").getDefaultMessage()).startsWith("number 2: size must be");
        assertThat(binding.getFieldValue("questions")).isEqualTo(form.getQuestions());
    }

    @Test
    void aFieldThatDidNotConvertKeepsItsOwnError() {
        AutoEnrolForm form = new AutoEnrolForm();
        BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "autoEnrolForm");
        binding.rejectValue("leadDays", "typeMismatch");
        form.setLeadDays(0);

        assertThat(FormChecks.check(form.request(), binding, validator)).isFalse();
        assertThat(binding.getFieldErrors("leadDays")).hasSize(1);
        assertThat(binding.getFieldError("leadDays").getCode()).isEqualTo("typeMismatch");
    }

    @Test
    void aRefusalNamingAFieldShowsBesideItUnderItsStatusAndOneNamingNoneAboveTheForm() {
        CourseForm form = new CourseForm();
        BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "courseForm");
        MockHttpServletResponse response = new MockHttpServletResponse();
        ExtendedModelMap model = new ExtendedModelMap();

        String page = Refusal.showOnForm(new ConflictException("code", "taken"), binding, response, model, () -> "form");

        assertThat(page).isEqualTo("form");
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(binding.getFieldError("code").getDefaultMessage()).isEqualTo("taken");
        assertThat(model).doesNotContainKey("refused");

        Refusal.showOnForm(new InvalidInputException("courseId", "unknown"), binding, response, model, () -> "form");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(model.get("refused")).isEqualTo("courseId: unknown");
    }

    @Test
    void somethingNotFoundIsStillThe404Page() {
        CourseForm form = new CourseForm();
        BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "courseForm");
        NotFoundException missing = new NotFoundException("Course", 1L);
        assertThatThrownBy(() -> Refusal.showOnForm(missing, binding, new MockHttpServletResponse(),
                new ExtendedModelMap(), () -> "form")).isSameAs(missing);
    }
}
