// The server publishes the OpenAPI document at /openapi, beside the application (context root /).
window.onload = () => {
    window.ui = SwaggerUIBundle({
        url: "/openapi",
        dom_id: "#swagger-ui",
        deepLinking: true,
        tryItOutEnabled: true,
        displayRequestDuration: true,
        layout: "BaseLayout",
        // no badge from the public validator: the docs work offline and send the document nowhere
        validatorUrl: null
    });
};
