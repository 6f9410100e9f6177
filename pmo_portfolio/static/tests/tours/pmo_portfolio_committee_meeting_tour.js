import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const COMMITTEE = "ICT Management Committee";

registry.category("web_tour.tours").add("pmo_portfolio_committee_meeting", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps(
            "pmo_portfolio.pmo_portfolio_menu_root",
            "Open the PMO app"
        ),
        {
            content: "Open the Committee menu",
            trigger: '.o_menu_sections .dropdown-toggle:contains("Committee")',
            run: "click",
        },
        {
            content: "Open the meetings",
            trigger: '.o-dropdown--menu .dropdown-item:contains("Meetings")',
            run: "click",
        },
        {
            content: "Plan a new meeting",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the committee",
            trigger: ".o_field_widget[name=committee_id] input",
            run: "edit ICT Management",
        },
        {
            content: "Pick it in the list",
            trigger: `.o-autocomplete--dropdown-item:contains("${COMMITTEE}")`,
            run: "click",
        },
        {
            content: "The attendees come from the committee",
            trigger: '.o_field_widget[name=attendee_ids] .o_tag:contains("Sophie Lejeune")',
        },
        {
            content: "Set the meeting date",
            trigger: ".o_field_widget[name=date] input",
            run: "edit 06/20/2026",
        },
        {
            content: "Save the meeting",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Freeze it",
            trigger: ".o_form_saved button[name=action_freeze]",
            run: "click",
        },
        {
            content: "The meeting is frozen",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Frozen")',
        },
        {
            content: "Its snapshots are counted",
            trigger: 'button[name=action_view_snapshots] .o_stat_value:contains("2")',
        },
        {
            content: "Add a decision",
            trigger: "div[name=decision_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "About the red project",
            trigger: "div[name=decision_ids] .o_data_row .o_field_widget[name=project_id] input",
            run: "edit Consular",
        },
        {
            content: "Pick the project",
            trigger: '.o-autocomplete--dropdown-item:contains("Consular Registry")',
            run: "click",
        },
        {
            content: "Describe the decision",
            trigger: "div[name=decision_ids] .o_data_row .o_field_widget[name=description] textarea",
            run: "edit Present a recovery plan",
        },
        {
            content: "Set its due date",
            trigger: "div[name=decision_ids] .o_data_row .o_field_widget[name=date_due] input",
            run: "edit 07/15/2026",
        },
        {
            content: "Save the meeting with its decision",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The decision is recorded",
            trigger: '.o_form_saved div[name=decision_ids] .o_data_row:contains("Present a recovery plan")',
        },
        {
            content: "Open the form's action menu",
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Open its Print submenu",
            trigger: '.o-dropdown--menu button:contains("Print")',
            run: "click",
        },
        {
            content: "Print the committee pack",
            trigger: '.o-dropdown--menu .o_menu_item:contains("Committee Pack")',
            run: "click",
        },
        {
            // The pack is downloaded after a round trip to the server that
            // the page does not show: leave it time to be asked for before
            // the tour ends and the browser closes.
            content: "Let the committee pack be requested",
            trigger: "body",
            run: () => new Promise((resolve) => setTimeout(resolve, 3000)),
        },
        {
            content: "Back on the meeting, no error",
            trigger: `.o_form_view:not(:has(.o_error_dialog)) .o_breadcrumb .active:contains("${COMMITTEE}")`,
        },
    ],
});
