package org.plurigrid.console.client.dr;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.List;

/** The shipped OpenADR 3.1.0 OpenAPI file's {@code components/schemas}, as a JSON-schema validator for tests. */
final class OpenAdrSchema {

    static final String YAML = "classpath:org/plurigrid/console/client/dr/openadr3-3.1.0/openadr3.yaml";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

    private OpenAdrSchema() {
    }

    /** Messages of every violation of {@code components/schemas/<name>}; empty when the JSON conforms. */
    static List<String> violations(String schemaName, String json) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(YAML + "#/components/schemas/" + schemaName),
                SchemaValidatorsConfig.builder().build());
        return schema.validate(json, InputFormat.JSON).stream().map(ValidationMessage::getMessage).toList();
    }
}
