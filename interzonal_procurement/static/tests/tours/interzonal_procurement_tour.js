import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("interzonal_procurement_main_menu", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps(
            "interzonal_procurement.interzonal_procurement_menu_root",
            "Open the Framework Agreements app"
        ),
        {
            content: "The app's menu bar is shown",
            trigger: '.o_main_navbar .o_menu_brand:contains("Framework Agreements")',
        },
        {
            content: "The app's first screen is shown",
            trigger: ".o_action_manager .o_view_controller",
        },
    ],
});
