package dev.brickwork.runtime.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The role validator as a pure function: a table of bad roles and the one pointer and code each must get. */
class RoleDefinitionsTest {

    private static final String PERMISSION = "{'app': 'crm', 'form': 'customer', 'actions': {'read': 'all'}}";

    @ParameterizedTest(name = "{0} -> {2} at {1}")
    @CsvSource(delimiter = '|', value = {
            "{'key': 'sales', 'permissions': [], 'colour': 'red'}                  | /colour                         | PROPERTY_UNKNOWN",
            "{'key': 'other', 'permissions': []}                                   | /key                            | KEY_MISMATCH",
            "{'permissions': []}                                                   | /key                            | PROPERTY_REQUIRED",
            "{'key': 'sales'}                                                      | /permissions                    | PROPERTY_REQUIRED",
            "{'key': 'sales', 'permissions': [7]}                                  | /permissions/0                  | PERMISSION_NOT_OBJECT",
            "{'key': 'sales', 'permissions': [{'app': 'crm', 'form': 'Bad Form'}]} | /permissions/0/form             | KEY_INVALID",
            "{'key': 'sales', 'permissions': [{'form': 'customer'}]}               | /permissions/0/app              | KEY_INVALID",
            "{'key': 'sales', 'permissions': [{'app': 'crm', 'form': 'c', 'actions': {'read': 'everything'}}]} | /permissions/0/actions/read | SCOPE_INVALID",
            "{'key': 'sales', 'permissions': [{'app': 'crm', 'form': 'c', 'actions': {'print': 'all'}}]}      | /permissions/0/actions/print | ACTION_UNKNOWN",
            "{'key': 'sales', 'permissions': [{'app': 'crm', 'form': 'c', 'actions': 'all'}]}                 | /permissions/0/actions | ACTIONS_NOT_OBJECT",
            "{'key': 'sales', 'permissions': [{'app': 'crm', 'form': 'c', 'fields': {'ssn': 'secret'}}]}      | /permissions/0/fields/ssn | FIELD_ACCESS_INVALID",
            "{'key': 'sales', 'permissions': [{'app': 'crm', 'form': 'c', 'fields': {'a/b': 'hidden'}}]}      | /permissions/0/fields/a~1b | FIELD_KEY_INVALID",
            "{'key': 'sales', 'permissions': [{'app': 'crm', 'form': 'c', 'owner': 'me'}]}                    | /permissions/0/owner | PROPERTY_UNKNOWN",
            "{'key': 'sales', 'permissions': [" + PERMISSION + ", " + PERMISSION + "]}                        | /permissions/1 | PERMISSION_REPEATED",
    })
    void refusesEachBadRoleWithOneLocatedProblem(String role, String pointer, String code) {
        RoleDefinitions.Result result = RoleDefinitions.validate("sales", json(role));

        assertThat(result.role()).isNull();
        assertThat(result.errors()).extracting(ProblemError::pointer, ProblemError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(pointer, code));
    }

    @ParameterizedTest
    @CsvSource({"admin, KEY_RESERVED", "user, KEY_RESERVED", "Sales, KEY_INVALID", "9lives, KEY_INVALID"})
    void refusesReservedAndMalformedKeys(String key, String code) {
        RoleDefinitions.Result result = RoleDefinitions.validate(key, json("{'key': '" + key + "', 'permissions': []}"));

        assertThat(result.errors()).extracting(ProblemError::pointer, ProblemError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/key", code));
    }

    @Test
    void neverEchoesTheRejectedValue() {
        RoleDefinitions.Result result = RoleDefinitions.validate("sales",
                json("{'key': 'sales', 'permissions': [{'app': 'crm', 'form': 'c', 'actions': {'read': 'zzz-secret'}}]}"));

        assertThat(result.errors().toString()).doesNotContain("zzz-secret");
    }

    @Test
    void normalisesAValidRoleToAllSevenActionsAndAFieldsObject() {
        RoleDefinitions.Result result = RoleDefinitions.validate("sales", json("{'key': 'sales', 'permissions': ["
                + "{'app': 'crm', 'form': 'customer', 'actions': {'read': 'department', 'update': 'own'},"
                + " 'fields': {'credit_limit': 'readonly'}}, {'app': 'not_yet_published', 'form': 'x'}]}"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.role().toString()).isEqualTo("{\"key\":\"sales\",\"permissions\":["
                + "{\"app\":\"crm\",\"form\":\"customer\",\"actions\":{\"create\":\"none\",\"read\":\"department\","
                + "\"update\":\"own\",\"delete\":\"none\",\"import\":\"none\",\"export\":\"none\",\"share\":\"none\"},"
                + "\"fields\":{\"credit_limit\":\"readonly\"}},"
                + "{\"app\":\"not_yet_published\",\"form\":\"x\",\"actions\":{\"create\":\"none\",\"read\":\"none\","
                + "\"update\":\"none\",\"delete\":\"none\",\"import\":\"none\",\"export\":\"none\",\"share\":\"none\"},\"fields\":{}}]}");
    }

    private static JsonNode json(String singleQuoted) {
        return JsonBodies.parse(singleQuoted.replace('\'', '"'));
    }
}
