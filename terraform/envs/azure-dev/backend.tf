# Remote state in an Azure storage account (blob leases lock it), created once by hand or by a
# bootstrap pipeline: az storage account create -n openmineraltfstate -g rg-openmineral-tfstate ...
terraform {
  backend "azurerm" {
    resource_group_name  = "rg-openmineral-tfstate"
    storage_account_name = "openmineraltfstate"
    container_name       = "tfstate"
    key                  = "azure/dev/terraform.tfstate"
    use_azuread_auth     = true
  }
}
