import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("interzonal_procurement_settings", {
    steps: () => [
        {
            content: "Type consumption steps that are not percentages",
            trigger: "div[name='interzonal_consumption_steps'] input",
            run: "edit 70,abc",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The settings refuse them and say why",
            trigger: ".modal:contains('percentages above 0 and up to 100')",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Type the lot's steps: half and nine tenths of the ceiling",
            trigger: "div[name='interzonal_consumption_steps'] input",
            run: "edit 50,90",
        },
        {
            content: "Save again",
            trigger: ".o_form_button_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The settings come back with the new steps",
            trigger: "div[name='interzonal_consumption_steps'] input:value(50,90)",
        },
    ],
});
