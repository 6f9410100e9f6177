import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("interzonal_procurement_call_off", {
    steps: () => [
        {
            content: "Open the first call-off",
            trigger: ".o_data_row td[name='partner_ref']:contains('TOUR-A')",
            run: "click",
        },
        {
            content: "The lot's remaining amount shows before confirming",
            trigger: "div[name='lot_remaining_amount']:contains('15,000.00')",
        },
        {
            content: "Confirm the call-off",
            trigger: ".o_form_view button[name='button_confirm']",
            run: "click",
        },
        {
            content: "The call-off is a purchase order",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Purchase Order')",
        },
        {
            content: "The lot has 5,000 left",
            trigger: "div[name='lot_remaining_amount']:contains('5,000.00')",
        },
        {
            content: "Back to the call-offs",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Call-offs')",
            run: "click",
        },
        {
            content: "Open the second call-off",
            trigger: ".o_data_row td[name='partner_ref']:contains('TOUR-B')",
            run: "click",
        },
        {
            content: "Try to confirm the call-off over the ceiling",
            trigger: ".o_form_view button[name='button_confirm']",
            run: "click",
        },
        {
            content: "The refusal gives the remaining amount",
            trigger: ".modal .modal-body:contains('only 5,000.00')",
        },
        {
            content: "Close the refusal",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The call-off is still a request for quotation",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('RFQ')",
        },
    ],
});
