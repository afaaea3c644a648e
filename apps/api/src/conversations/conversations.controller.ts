import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { ConversationInbox, ConversationMessagesPage, ConversationReactionsView, ConversationView } from '@kindred/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { ConversationsService } from './conversations.service.js';
import { ConversationMessagesQueryDto, ConversationReactionParams, CreateConversationDto, MuteConversationDto } from './dto/conversation.dto.js';

/** Private conversations: parse and delegate; the service asks the gate. */
@ApiTags('conversations')
@ApiCookieAuth()
@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  inbox(@CurrentAuth() auth: AuthContext): Promise<ConversationInbox> {
    return this.conversations.inbox(auth.user);
  }

  @Post()
  start(@CurrentAuth() auth: AuthContext, @Body() dto: CreateConversationDto): Promise<ConversationView> {
    return this.conversations.start(auth.user, dto);
  }

  @Get(':id')
  get(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<ConversationView> {
    return this.conversations.get(auth.user, id);
  }

  @Get(':id/messages')
  messages(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: ConversationMessagesQueryDto): Promise<ConversationMessagesPage> {
    return this.conversations.messagesPage(auth.user, id, query);
  }

  @Post(':id/accept')
  @HttpCode(HttpStatus.OK)
  accept(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<ConversationView> {
    return this.conversations.accept(auth.user, id);
  }

  @Post(':id/decline')
  @HttpCode(HttpStatus.NO_CONTENT)
  async decline(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.conversations.decline(auth.user, id);
  }

  @Post(':id/leave')
  @HttpCode(HttpStatus.NO_CONTENT)
  async leave(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.conversations.leave(auth.user, id);
  }

  @Put(':id/mute')
  @HttpCode(HttpStatus.NO_CONTENT)
  async mute(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: MuteConversationDto): Promise<void> {
    await this.conversations.mute(auth.user, id, dto.muted);
  }

  @Get(':id/reactions')
  reactions(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<ConversationReactionsView> {
    return this.conversations.reactions(auth.user, id);
  }

  @Put(':id/messages/:messageId/reactions/:kind')
  @HttpCode(HttpStatus.NO_CONTENT)
  async react(@CurrentAuth() auth: AuthContext, @Param() params: ConversationReactionParams): Promise<void> {
    await this.conversations.react(auth.user, params, true);
  }

  @Delete(':id/messages/:messageId/reactions/:kind')
  @HttpCode(HttpStatus.NO_CONTENT)
  async unreact(@CurrentAuth() auth: AuthContext, @Param() params: ConversationReactionParams): Promise<void> {
    await this.conversations.react(auth.user, params, false);
  }
}
