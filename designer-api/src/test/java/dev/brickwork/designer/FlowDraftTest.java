package dev.brickwork.designer;

import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.Fixtures;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Saving flow drafts, designed and uploaded: every problem located, nothing refused that is merely unfinished. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
@TestSecurity(user = "designer", roles = "admin")
class FlowDraftTest {

    /** one app with the contract form published, shared by the cases that only save drafts */
    private static final String APP = "flow_drafts";
    private static final AtomicBoolean APP_READY = new AtomicBoolean();

    private static void app() {
        if (APP_READY.compareAndSet(false, true)) {
            Design.appWithContracts(APP);
        }
    }

    @Test
    void savesADesignedDraftWithMistakesAndLocatesEveryProblem() {
        // given
        app();

        // when
        String etag = Design.saveFlow(APP, "contract_approval", Fixtures.flow("contract_approval.broken")).statusCode(200)
                .header("ETag", notNullValue())
                .body("problems.pointer", hasItems("/nodes/0/approvers", "/nodes/1/approvers/0/role",
                        "/nodes/2/branches/0/when", "/nodes/2/branches/1/nodes/0/type", "/onApproved/set/colour"))
                .body("problems.code", hasItems("APPROVERS_EMPTY", "ROLE_UNKNOWN", "EXPR_UNKNOWN_FIELD",
                        "NODE_TYPE_UNKNOWN", "SET_FIELD_UNKNOWN"))
                .body("problems.severity", hasItem("error"))
                .extract().header("ETag");

        // then
        given().get("/api/v1/design/apps/{app}/flows/contract_approval", APP).then().statusCode(200)
                .header("ETag", equalTo(etag))
                .body("key", equalTo("contract_approval"))
                .body("format", equalTo("json"))
                .body("draft.nodes.size()", equalTo(3))
                .body("binding", nullValue())
                .body("problems.code", hasItems("APPROVERS_EMPTY", "NODE_TYPE_UNKNOWN"))
                .body("currentVersion", nullValue())
                .body("versions.size()", equalTo(0));
    }

    @Test
    void savesTheSpecExampleWithoutProblems() {
        app();

        Design.saveFlow(APP, "contract_approval_ok", Fixtures.flow("contract_approval")
                        .replace("\"key\": \"contract_approval\"", "\"key\": \"contract_approval_ok\""))
                .statusCode(200).body("problems.size()", equalTo(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            form without a published version | {'schemaVersion': 1, 'key': 'f_unpub', 'form': 'lead', 'trigger': {'on': 'submit'}, 'nodes': []} | f_unpub | /form | FLOW_FORM_UNPUBLISHED
            no form                          | {'schemaVersion': 1, 'key': 'f_noform', 'trigger': {'on': 'submit'}, 'nodes': []}               | f_noform | /form | PROPERTY_REQUIRED
            form that is not a key           | {'schemaVersion': 1, 'key': 'f_badform', 'form': 'Contract!', 'trigger': {'on': 'submit'}, 'nodes': []} | f_badform | /form | KEY_INVALID
            key of another flow              | {'schemaVersion': 1, 'key': 'other', 'form': 'contract', 'trigger': {'on': 'submit'}, 'nodes': []} | f_key | /key | FLOW_KEY_MISMATCH
            unknown property                 | {'schemaVersion': 1, 'key': 'f_prop', 'form': 'contract', 'trigger': {'on': 'submit'}, 'nodes': [], 'colour': 'red'} | f_prop | /colour | PROPERTY_UNKNOWN
            trigger on an unknown field      | {'schemaVersion': 1, 'key': 'f_when', 'form': 'contract', 'trigger': {'on': 'update', 'when': 'discount > 1'}, 'nodes': []} | f_when | /trigger/when | EXPR_UNKNOWN_FIELD
            not an object                    | []                                                                                               | f_array | '' | FLOW_NOT_OBJECT
            """)
    void locatesWhatADesignedDraftGetsWrong(String name, String flow, String key, String pointer, String code) {
        app();

        Design.saveFlow(APP, key, flow.replace('\'', '"')).statusCode(200)
                .body("problems.pointer", hasItem(pointer))
                .body("problems.code", hasItem(code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            script task        | script_task     | /bpmn/check | BPMN_SCRIPT_TASK
            Java class         | java_class      | /bpmn/check | BPMN_JAVA_CLASS
            bean expression    | bean_expression | /bpmn/check | BPMN_EXPRESSION
            external entity    | xxe             | /bpmn       | BPMN_XXE
            """)
    void savesAnUploadTheLinterRefusesWithItsProblemsAndNeverPublishesIt(String name, String fixture, String pointer,
                                                                          String code) {
        // given
        app();
        String flow = "up_" + fixture;
        Design.uploadFlow(APP, flow, "contract", "submit", Fixtures.bpmn(fixture)).statusCode(200)
                .body("problems.pointer", hasItem(pointer))
                .body("problems.code", hasItem(code))
                .body(not(containsString("root:")));
        given().get("/api/v1/design/apps/{app}/flows/{flow}", APP, flow).then().statusCode(200)
                .body("format", equalTo("bpmn"))
                .body("draft", startsWith("<?xml"))
                .body("binding.form", equalTo("contract"))
                .body("binding.trigger.on", equalTo("submit"));
        List<List<String>> before = Db.snapshot();

        // when
        Design.publishFlow(APP, flow).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("DEFINITION_INVALID"))
                .body("errors.pointer", hasItem(pointer))
                .body("errors.code", hasItem(code))
                .body(not(containsString("root:")))
                .body(not(containsString("Exception")));

        // then
        assertThat(Db.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no form                   |          | submit | /form       | PROPERTY_REQUIRED
            form not published        | lead     | submit | /form       | FLOW_FORM_UNPUBLISHED
            no trigger                | contract |        | /trigger/on | PROPERTY_REQUIRED
            unknown trigger           | contract | delete | /trigger/on | PROPERTY_VALUE_INVALID
            """)
    void locatesWhatAnUploadIsNotBoundTo(String name, String form, String on, String pointer, String code) {
        app();

        Design.uploadFlow(APP, "up_binding", form, on, Fixtures.bpmn("contract_upload")).statusCode(200)
                .body("problems.pointer", contains(pointer))
                .body("problems.code", contains(code));
    }

    @Test
    void refusesA50MegabyteUploadWith413AndWritesNothing() throws Exception {
        // given: 50 MB announced and streamed from a generator, so neither side need hold it
        app();
        long size = 50L * 1024 * 1024;
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/design/apps/" + APP + "/flows/huge/draft?form=contract&on=submit"))
                .header("Content-Type", "application/xml")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new SpacesStream(size)), size))
                .build();
        List<List<String>> before = Db.snapshot();

        // when
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"BODY_TOO_LARGE\"");
        assertThat(Db.snapshot()).isEqualTo(before);
    }

    /** {@code size} spaces, made as they are read. */
    private static final class SpacesStream extends java.io.InputStream {
        private long left;

        SpacesStream(long size) {
            left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? ' ' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) ' ');
            left -= n;
            return n;
        }
    }

    @Test
    void refusesAnUploadOverTheLimitSentWithoutALength() {
        app();
        byte[] big = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        List<List<String>> before = Db.snapshot();

        // a stream body goes out chunked: no Content-Length for the filter to refuse early
        given().contentType("application/xml").queryParam("form", "contract").queryParam("on", "submit")
                .body(new ByteArrayInputStream(big))
                .put("/api/v1/design/apps/{app}/flows/chunked/draft", APP).then()
                .statusCode(413)
                .body("code", equalTo("BODY_TOO_LARGE"))
                .body("errors[0].code", equalTo("BPMN_TOO_LARGE"));
        assertThat(Db.snapshot()).isEqualTo(before);
    }

    @Test
    void refusesAnUploadThatIsNotUtf8With415() {
        app();
        byte[] utf16 = new String(Fixtures.bpmn("contract_upload"), StandardCharsets.UTF_8)
                .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"").getBytes(StandardCharsets.UTF_16);
        List<List<String>> before = Db.snapshot();

        Design.uploadFlow(APP, "utf16", "contract", "submit", utf16).statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].code", equalTo("BPMN_ENCODING"));

        assertThat(Db.snapshot()).isEqualTo(before);
    }

    @Test
    void aDraftSavedOverAStaleVersionIsRefusedAndKeepsTheNewerOne() {
        // given
        app();
        String flow = Fixtures.flow("contract_approval").replace("\"key\": \"contract_approval\"", "\"key\": \"stale\"");
        String etag = Design.saveFlow(APP, "stale", flow).statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(flow.replace("P2D", "P3D"))
                .put("/api/v1/design/apps/{app}/flows/stale/draft", APP).then().statusCode(200);
        List<List<String>> before = Db.snapshot();

        // when / then
        given().contentType(ContentType.JSON).header("If-Match", etag).body(flow.replace("P2D", "P4D"))
                .put("/api/v1/design/apps/{app}/flows/stale/draft", APP).then().statusCode(412)
                .contentType("application/problem+json").body("code", equalTo("STALE_VERSION"));
        given().contentType("application/xml").header("If-Match", etag).queryParam("form", "contract")
                .queryParam("on", "submit").body(Fixtures.bpmn("contract_upload"))
                .put("/api/v1/design/apps/{app}/flows/stale/draft", APP).then().statusCode(412);
        assertThat(Db.snapshot()).isEqualTo(before);
        given().get("/api/v1/design/apps/{app}/flows/stale", APP).then().statusCode(200)
                .body("draft.nodes[0].timeout.after", equalTo("P3D"));
    }

    @Test
    void anUploadReplacesADesignedDraftAndTheOtherWayRound() {
        app();
        String flow = Fixtures.flow("contract_approval").replace("\"key\": \"contract_approval\"", "\"key\": \"swap\"");
        Design.saveFlow(APP, "swap", flow).statusCode(200);

        Design.uploadFlow(APP, "swap", "contract", "submit", Fixtures.bpmn("script_task")).statusCode(200);
        given().get("/api/v1/design/apps/{app}/flows/swap", APP).then().body("format", equalTo("bpmn"));
        Design.saveFlow(APP, "swap", flow).statusCode(200);

        given().get("/api/v1/design/apps/{app}/flows/swap", APP).then()
                .body("format", equalTo("json")).body("draft.key", equalTo("swap")).body("binding", nullValue());
        assertThat(Db.single("SELECT count(*) FROM brickwork.flows WHERE flow_key = 'swap' AND draft_bpmn IS NULL"
                + " AND draft_trigger IS NULL")).isEqualTo("1");
    }

    @Test
    void theAppListsItsFlowsWithTheirForms() {
        Design.appWithContracts("flow_list");
        Design.saveFlow("flow_list", "contract_approval", Fixtures.flow("contract_approval")).statusCode(200);
        Design.uploadFlow("flow_list", "by_upload", "contract", "submit", Fixtures.bpmn("script_task")).statusCode(200);

        given().get("/api/v1/design/apps/flow_list").then().statusCode(200)
                .body("flows.key", contains("by_upload", "contract_approval"))
                .body("flows.form", contains("contract", "contract"))
                .body("flows.currentVersion", contains(nullValue(), nullValue()))
                .body("forms.key", hasItems("contract", "customer"));
    }

    @Test
    void answersUnknownAppsFlowsAndVersionsWith404() {
        app();
        Design.saveFlow(APP, "known", Fixtures.flow("contract_approval")
                .replace("\"key\": \"contract_approval\"", "\"key\": \"known\"")).statusCode(200);

        given().get("/api/v1/design/apps/nope/flows/known").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("APP_NOT_FOUND"));
        given().get("/api/v1/design/apps/{app}/flows/unknown", APP).then().statusCode(404).body("code", equalTo("FLOW_NOT_FOUND"));
        Design.saveFlow(APP, "Not_A_Key", Fixtures.flow("contract_approval")).statusCode(404).body("code", equalTo("FLOW_NOT_FOUND"));
        Design.publishFlow(APP, "unknown").statusCode(404).body("code", equalTo("FLOW_NOT_FOUND"));
        Design.saveFlow("nope", "known", Fixtures.flow("contract_approval")).statusCode(404).body("code", equalTo("APP_NOT_FOUND"));
        given().get("/api/v1/design/apps/{app}/flows/known/versions/1", APP).then().statusCode(404)
                .body("code", equalTo("VERSION_NOT_FOUND"));
        given().get("/api/v1/design/apps/{app}/flows/known/versions/1/bpmn", APP).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("VERSION_NOT_FOUND"));
    }

    @Test
    @TestSecurity(user = "clerk", roles = "staff")
    void designingFlowsIsForAdminsOnly() {
        Design.saveFlow(APP, "contract_approval", Fixtures.flow("contract_approval")).statusCode(403)
                .contentType("application/problem+json");
        Design.publishFlow(APP, "contract_approval").statusCode(403);
        given().get("/api/v1/design/apps/{app}/flows/contract_approval", APP).then().statusCode(403);
    }
}
