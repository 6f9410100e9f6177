import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

tours.add("interzonal_procurement_request_create", {
    steps: () => [
        {
            content: "Create a purchase request",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the template",
            trigger: "div[name='quotation_template_id'] input",
            run: "edit IZ Patrol",
        },
        {
            content: "Pick the patrol kit",
            trigger: ".o-autocomplete--dropdown-item a:contains('IZ Patrol kit')",
            run: "click",
        },
        {
            content: "Apply the template",
            trigger: ".o_form_view button[name='action_apply_template']",
            run: "click",
        },
        {
            content: "The template's three products are on the request",
            trigger: ".o_field_one2many .o_data_row:nth-child(3) td[name='product_id']",
        },
        {
            content: "The dock is priced from lot 2",
            trigger: ".o_data_row td[name='contract_price_unit']:contains('150.00')",
        },
        {
            content: "The request is saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});

tours.add("interzonal_procurement_request_quote", {
    steps: () => [
        {
            content: "Acknowledge the request",
            trigger: ".o_form_view button[name='action_acknowledge']",
            run: "click",
        },
        {
            content: "Suggest the lots",
            trigger: ".o_form_view button[name='action_suggest_lots']",
            run: "click",
        },
        {
            content: "The laptops come from lot 2",
            trigger: ".o_data_row td[name='contract_price_unit']:contains('950.00')",
        },
        {
            content: "Send the quotation",
            trigger: ".o_form_view button[name='action_quotation_send']",
            run: "click",
        },
        {
            content: "Send the email",
            trigger: ".modal .o_mail_send",
            run: "click",
        },
        {
            content: "The email is sent and the composer closed",
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "The quotation waits for the requester's answer",
            trigger: ".o_form_view button[name='action_quotation_accept']",
        },
    ],
});

tours.add("interzonal_procurement_request_accept", {
    steps: () => [
        {
            content: "Accept the quotation",
            trigger: ".o_form_view button[name='action_quotation_accept']",
            run: "click",
        },
        {
            content: "The quotation is accepted",
            trigger: "div[name='quotation_state'] .badge:contains('Accepted')",
        },
    ],
});

tours.add("interzonal_procurement_request_call_offs", {
    steps: () => [
        {
            content: "Create the call-offs",
            trigger: ".o_form_view button[name='action_create_call_offs']",
            run: "click",
        },
        {
            content: "Two draft call-offs, one per lot",
            trigger: ".o_list_view .o_data_row:nth-child(2)",
        },
        {
            content: "No third order",
            trigger: ".o_list_view:not(:has(.o_data_row:nth-child(3)))",
        },
    ],
});
