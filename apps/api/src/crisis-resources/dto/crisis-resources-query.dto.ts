import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CrisisResourcesQueryDto {
  @ApiPropertyOptional({ example: 'ES', description: "ISO 3166-1 alpha-2. Default: the member's country from settings; none for visitors." })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be two capital letters (ISO 3166-1 alpha-2)' })
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;

  @ApiPropertyOptional({ example: 'es', description: "The language to answer in (a BCP 47 tag; only its language part is used). Default: the member's chosen language, else English." })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  @Matches(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { message: 'lang must be a language tag such as "es" or "es-MX"' })
  lang?: string;
}
