// The server publishes the OpenAPI document at /openapi, beside the application (context root /).
window.onload = () => {
    window.ui = SwaggerUIBundle({
        url: "/openapi",
        dom_id: "#swagger-ui",
        deepLinking: true,
        tryItOutEnabled: true,
        displayRequestDuration: true,
        // the token pasted into Authorize survives a reload of the page (kept in this browser's localStorage)
        persistAuthorization: true,
        layout: "BaseLayout",
        // no badge from the public validator: the docs work offline and send the document nowhere
        validatorUrl: null
    });
};
