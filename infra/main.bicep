// Azure resources for Mentoring for Microsoft Teams, deployed by teamsapp.yml (arm/deploy).
//
// One user-assigned managed identity is the app's only identity: the Azure Bot authenticates as it
// (no bot password), the server reads and writes Table Storage as it (shared keys are off), and
// App Service resolves the Key Vault reference of JOBS_SECRET as it. No secret is in app settings.
// Outputs are written to env/.env.{env} by the toolkit under their own names.

@description('Used in resource names; letters, digits and dashes.')
@minLength(3)
@maxLength(24)
param resourceBaseName string

param location string = resourceGroup().location

@description('The Teams app id (manifest id), used in the bot\'s deep links.')
param teamsAppId string

@description('Client id of the tab\'s Entra app registration (Teams SSO audience).')
param aadAppClientId string

@description('Tenants whose people may sign in, comma-separated. Default: this deployment\'s tenant.')
param allowedTenants string = tenant().tenantId

@description('App Service plan size. B1 is enough for about 1,000 people; P0v3 for more or for zone redundancy.')
param webAppSku string = 'B1'

@description('Seconds between in-process runs of the background jobs (check-ins, 360 reminders, weekly digest).')
param jobTimerSeconds int = 60

@description('Shared secret for POST /api/jobs/* (an optional external scheduler). Generated when not given; stored only in Key Vault.')
@secure()
param jobsSecret string = '${newGuid()}${newGuid()}'

@description('Log retention in days (Log Analytics and Application Insights).')
param logRetentionDays int = 30

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var webAppName = '${resourceBaseName}-${suffix}'
var storageAccountName = take('st${replace(toLower(resourceBaseName), '-', '')}${suffix}', 24)
var keyVaultName = take('kv-${resourceBaseName}-${suffix}', 24)
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var host = '${webAppName}.azurewebsites.net'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    RetentionInDays: logRetentionDays
    DisableIpMasking: false
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource storageRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource jobsSecretEntry 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'jobs-secret'
  properties: {
    value: jobsSecret
  }
}

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // The same command as `npm run start:prod`: V8's memory flags are command-line only (not NODE_OPTIONS).
      appCommandLine: 'node --max-semi-space-size=1 --max-old-space-size=128 --optimize-for-size --v8-pool-size=2 dist/server/main.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'APP_MODE', value: 'production' }
        { name: 'AUTH_MODE', value: 'entra' }
        { name: 'PUBLIC_URL', value: 'https://${host}' }
        { name: 'TABLES_ACCOUNT_URL', value: storage.properties.primaryEndpoints.table }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_APP_TYPE', value: 'UserAssignedMSI' }
        { name: 'BOT_TENANT_ID', value: identity.properties.tenantId }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'AAD_CLIENT_ID', value: aadAppClientId }
        { name: 'AAD_APP_ID_URI', value: 'api://${host}/botid-${identity.properties.clientId}' }
        { name: 'AAD_ALLOWED_TENANTS', value: allowedTenants }
        { name: 'CHECKIN_TIMER_SECONDS', value: string(jobTimerSeconds) }
        { name: 'JOBS_SECRET', value: '@Microsoft.KeyVault(SecretUri=${jobsSecretEntry.properties.secretUri})' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
  dependsOn: [
    storageRole
    vaultRole
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: 'Mentoring'
    endpoint: 'https://${host}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Read by teamsapp.yml and appPackage/manifest.json (written to env/.env.{env} by arm/deploy).
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = host
output TAB_DOMAIN string = host
output TAB_ENDPOINT string = 'https://${host}'
output TABLES_ACCOUNT_URL string = storage.properties.primaryEndpoints.table
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
output APPLICATIONINSIGHTS_NAME string = appInsights.name
